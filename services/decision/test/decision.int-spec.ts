import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import {
  Agency,
  CheckResponded,
  deadLetterQueueName,
  DecisionRecorded,
  eventsExchange,
  MessageTypes,
  ServiceName,
  WireHeaders,
} from '@mash/contracts';
import {
  aCheckItem,
  aCheckResponded,
  aContactReceived,
  aContactScreened,
  aNotificationSent,
  aRequestedCheck,
} from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { DecisionConfig } from '../src/config';
import { adminPg, testServiceEnv } from '../../../test-support/env';
import { Capture, eventually, TestBroker } from '../../../test-support/broker';

const QUEUE = 'decision.inbox';
const AGENCIES_ASKED: Agency[] = ['police', 'health', 'education'];
const mashOnlySummary = (agency: Agency) =>
  `Sensitive ${agency} intelligence: the mother's partner is believed to be linked to county lines supply.`;
const byAgency = (a: { agency: string }, b: { agency: string }) => a.agency.localeCompare(b.agency);
const shareableSummary = (agency: Agency) => `${agency} record: the family moved to the area in 2022.`;

describe('decision: the MASH record (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let decisions: Capture<DecisionRecorded>;
  let config: DecisionConfig;
  const clock = new ManualClock(new Date('2024-03-05T10:00:00.000Z'));
  const tokens: Record<'contactOfficer' | 'socialWorker' | 'decisionMaker', string> = {
    contactOfficer: '',
    socialWorker: '',
    decisionMaker: '',
  };

  /** One contact screened with a check for each agency. */
  const contact = { id: randomUUID(), checks: {} as Record<Agency, string> };

  const statusOf = async (contactId: string) =>
    (await db.query('SELECT status FROM mash_records WHERE contact_id = $1', [contactId])).rows[0]?.status as
      string | undefined;
  const waitForStatus = (contactId: string, status: string) =>
    eventually(
      async () => ((await statusOf(contactId)) === status ? status : undefined),
      15_000,
      `status ${status}`,
    );
  const waitForHandled = (messageId: string) =>
    eventually(
      async () =>
        (await db.query('SELECT 1 FROM inbox WHERE message_id = $1', [messageId])).rowCount
          ? true
          : undefined,
      15_000,
      `message ${messageId} handled`,
    );

  function screen(
    contactId: string,
    checks: Partial<Record<Agency, string>>,
    receivedAt = '2024-03-04T09:15:00.000Z',
  ) {
    return broker.publish(
      eventsExchange('triage'),
      MessageTypes.ContactScreened,
      MessageTypes.ContactScreened,
      aContactScreened({
        contactId,
        checks: Object.entries(checks).map(([agency, checkId]) =>
          aRequestedCheck({ agency: agency as Agency, checkId }),
        ),
        contact: aContactReceived({ contactId, receivedAt, reference: `MASH-TEST-${contactId.slice(0, 8)}` }),
      }),
    );
  }

  function respond(
    agency: Agency,
    contactId: string,
    checkId: string,
    overrides: Partial<CheckResponded> = {},
    messageId?: string,
    sender: ServiceName = `${agency}-checks`,
  ) {
    return broker.publish(
      eventsExchange(sender),
      MessageTypes.CheckResponded,
      MessageTypes.CheckResponded,
      aCheckResponded({
        agency,
        contactId,
        checkId,
        items: [
          aCheckItem({ summary: shareableSummary(agency), classification: 'shareable' }),
          aCheckItem({ summary: mashOnlySummary(agency), classification: 'mash-only' }),
        ],
        ...overrides,
      }),
      { messageId, as: sender },
    );
  }

  const view = (contactId: string, token: string) =>
    request(app.getHttpServer()).get(`/contacts/${contactId}`).set('Authorization', `Bearer ${token}`);
  const decide = (contactId: string, body: object, token?: string) => {
    const call = request(app.getHttpServer()).post(`/contacts/${contactId}/decision`).send(body);
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };

  beforeAll(async () => {
    db = await adminPg('decision');
    await db.query(
      'TRUNCATE record_links, record_children, consent_decisions, rag_changes, record_deadlines, record_checks, mash_records, audit_log, inbox, outbox',
    );
    broker = await TestBroker.connect();
    await broker.purge(QUEUE, deadLetterQueueName(QUEUE));
    decisions = await broker.capture<DecisionRecorded>(
      eventsExchange('decision'),
      MessageTypes.DecisionRecorded,
    );
    config = loadConfig(DecisionConfig, testServiceEnv('decision'));
    app = await startService({
      service: 'decision',
      module: AppModule.register(config, clock),
      config,
      title: '',
      description: '',
      listen: false,
    });
    const secret = config.AUTH_DEV_SECRET!;
    tokens.contactOfficer = await issueDevelopmentToken({ sub: 'co-1', roles: ['contact-officer'] }, secret);
    tokens.socialWorker = await issueDevelopmentToken({ sub: 'sw-1', roles: ['social-worker'] }, secret);
    tokens.decisionMaker = await issueDevelopmentToken({ sub: 'dm-1', roles: ['decision-maker'] }, secret);
    for (const agency of AGENCIES_ASKED) contact.checks[agency] = randomUUID();
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  it('waits for every agency and is ready for decision only after the third answers', async () => {
    await screen(contact.id, contact.checks);
    await waitForStatus(contact.id, 'awaiting-checks');

    await respond('police', contact.id, contact.checks.police);
    await respond('health', contact.id, contact.checks.health);
    await eventually(async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM record_checks WHERE contact_id = $1 AND status = 'responded'`,
        [contact.id],
      );
      return rows[0].n === 2 ? true : undefined;
    });
    expect(await statusOf(contact.id)).toBe('awaiting-checks');

    await respond('education', contact.id, contact.checks.education);
    await waitForStatus(contact.id, 'ready-for-decision');
  });

  it('a second contact.screened for the same contact is ignored', async () => {
    const messageId = await broker.publish(
      eventsExchange('triage'),
      MessageTypes.ContactScreened,
      MessageTypes.ContactScreened,
      aContactScreened({
        contactId: contact.id,
        rag: 'red',
        checks: [aRequestedCheck({ agency: 'police', checkId: randomUUID() })],
      }),
    );
    await waitForHandled(messageId);
    const { rows } = await db.query('SELECT rag_rating, status FROM mash_records WHERE contact_id = $1', [
      contact.id,
    ]);
    expect(rows[0]).toEqual({ rag_rating: 'amber', status: 'ready-for-decision' });
    expect((await db.query('SELECT 1 FROM record_checks WHERE contact_id = $1', [contact.id])).rowCount).toBe(
      3,
    );
  });

  it('applies a check.responded that arrives before its contact.screened, once the record exists', async () => {
    const early = { id: randomUUID(), check: randomUUID() };
    await respond('police', early.id, early.check);
    // Let the response fail once for want of a record, then screen the contact.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await statusOf(early.id)).toBeUndefined();
    await screen(early.id, { police: early.check });
    await waitForStatus(early.id, 'ready-for-decision');
    const { rows } = await db.query('SELECT status, response FROM record_checks WHERE check_id = $1', [
      early.check,
    ]);
    expect(rows[0].status).toBe('responded');
    expect(rows[0].response.items).toHaveLength(2);
    expect(await broker.drain(deadLetterQueueName(QUEUE))).toEqual([]);
  });

  it('shows a partial answer with what the agency awaits, then lets the complete answer replace it, and never the reverse', async () => {
    const contactId = randomUUID();
    const checkId = randomUUID();
    await screen(contactId, { police: checkId });
    await waitForStatus(contactId, 'awaiting-checks');
    const awaiting = [{ what: 'Custody records', from: 'Custody team', since: '2024-03-04T10:00:00.000Z' }];
    await respond('police', contactId, checkId, {
      partial: true,
      awaiting,
      analysis: 'Partial: incidents found, custody records awaited',
      respondedAt: '2024-03-04T11:00:00.000Z',
    });
    await waitForStatus(contactId, 'ready-for-decision');
    const partial = await view(contactId, tokens.decisionMaker).expect(200);
    expect(partial.body.checks[0].response).toMatchObject({ partial: true, awaiting });

    await respond('police', contactId, checkId, {
      analysis: 'Complete: custody records added',
      respondedAt: '2024-03-04T15:00:00.000Z',
    });
    const complete = await eventually(async () => {
      const body = (await view(contactId, tokens.decisionMaker)).body;
      return body.checks[0].response.partial === false ? body : undefined;
    });
    expect(complete.checks[0]).toMatchObject({
      status: 'responded',
      respondedAt: '2024-03-04T15:00:00.000Z',
      response: { analysis: 'Complete: custody records added', awaiting: [] },
    });

    // A partial answer arriving after the complete one (out of order) changes nothing.
    const late = await respond('police', contactId, checkId, {
      partial: true,
      awaiting,
      analysis: 'A stale partial answer',
      respondedAt: '2024-03-04T12:00:00.000Z',
    });
    await waitForHandled(late);
    const after = await view(contactId, tokens.decisionMaker).expect(200);
    expect(after.body.checks[0].response.analysis).toBe('Complete: custody records added');
  });

  it('dead-letters, with the reason, a message whose broker-vouched sender may not publish its type: police claiming to be triage or notifications, health answering for police', async () => {
    const impostor = randomUUID();
    const forgeries = [
      // police-checks may write only its own exchange, but could put any type on it.
      broker.publish(
        eventsExchange('police-checks'),
        MessageTypes.CheckResponded,
        MessageTypes.ContactScreened,
        aContactScreened({ contactId: impostor, contact: aContactReceived({ contactId: impostor }) }),
      ),
      broker.publish(
        eventsExchange('police-checks'),
        MessageTypes.CheckResponded,
        MessageTypes.NotificationSent,
        aNotificationSent({ contactId: impostor }),
      ),
      // Without user_id (published as the broker admin would, not through any service's outbox).
      broker.publish(
        eventsExchange('triage'),
        MessageTypes.ContactScreened,
        MessageTypes.ContactScreened,
        aContactScreened({ contactId: impostor, contact: aContactReceived({ contactId: impostor }) }),
        { as: 'admin' },
      ),
    ];
    const ids = await Promise.all(forgeries);
    // health-checks answering in police's name, signed with police's key: the sender is still health.
    ids.push(await respond('police', impostor, randomUUID(), {}, undefined, 'health-checks'));
    const dead: Awaited<ReturnType<TestBroker['drain']>> = [];
    await eventually(async () => {
      dead.push(...(await broker.drain(deadLetterQueueName(QUEUE))));
      return dead.length >= ids.length ? true : undefined;
    });
    const reasons = Object.fromEntries(
      dead.map((message) => [
        String(message.properties.messageId),
        String(message.properties.headers?.[WireHeaders.FailureReason]),
      ]),
    );
    expect(reasons).toEqual({
      [ids[0]]: 'police-checks may not publish contact.screened',
      [ids[1]]: 'police-checks may not publish notification.sent',
      [ids[2]]: 'message has no user_id property: its sender is unknown',
      [ids[3]]: 'health-checks may not publish check.responded for another agency',
    });
    expect((await db.query('SELECT 1 FROM mash_records WHERE contact_id = $1', [impostor])).rowCount).toBe(0);
    for (const id of ids) {
      expect((await db.query('SELECT 1 FROM inbox WHERE message_id = $1', [id])).rowCount).toBe(0);
    }
  });

  it('dead-letters at once, with a reason naming only ids, an answer to a check that was never requested', async () => {
    const stranger = randomUUID();
    await respond('police', contact.id, stranger);
    const [dead] = await eventually(async () => {
      const messages = await broker.drain(deadLetterQueueName(QUEUE));
      return messages.length ? messages : undefined;
    });
    expect(dead.body).toMatchObject({ checkId: stranger });
    const reason = String(dead.properties.headers?.[WireHeaders.FailureReason]);
    expect(reason).toContain('PermanentMessageError');
    expect(reason).not.toContain('county lines');
    expect(dead.properties.headers?.[WireHeaders.Attempt]).toBeUndefined();
  });

  it('withholds mash-only items from a contact officer while a decision maker sees them, auditing every view', async () => {
    const officer = await view(contact.id, tokens.contactOfficer).expect(200);
    expect(officer.body).toMatchObject({
      contactId: contact.id,
      status: 'ready-for-decision',
      decision: null,
    });
    expect(officer.body.checks).toHaveLength(3);
    for (const check of officer.body.checks) {
      expect(check.response.items).toEqual([
        expect.objectContaining({ summary: shareableSummary(check.agency), classification: 'shareable' }),
        { classification: 'mash-only', agency: check.agency, withheld: true },
      ]);
    }
    expect(JSON.stringify(officer.body)).not.toContain('county lines');

    const decisionMaker = await view(contact.id, tokens.decisionMaker).expect(200);
    const police = decisionMaker.body.checks.find((check: { agency: string }) => check.agency === 'police');
    expect(police.response.items[1]).toMatchObject({ summary: mashOnlySummary('police'), withheld: false });
    expect(decisionMaker.body).toMatchObject({
      contact: { referrer: { name: 'Sam Teacher' }, children: [{ givenName: 'Amelia' }] },
      screening: { route: 'mash-checks' },
      rag: { rating: 'amber', setBy: 'triage' },
      // Screening sent no deadlines, so decision computed them with the Croydon profile (8): Amber
      // checks one working day from the rating, the decision two working days from receipt.
      deadlines: {
        checksDueAt: '2024-03-05T09:40:00.000Z',
        decisionDueAt: '2024-03-06T09:15:00.000Z',
        feedbackDueAt: null,
      },
    });

    const { rows } = await db.query(
      `SELECT actor_id, actor_roles, detail FROM audit_log WHERE contact_id = $1 AND action = 'view-record' ORDER BY id`,
      [contact.id],
    );
    expect(rows).toEqual([
      {
        actor_id: 'co-1',
        actor_roles: ['contact-officer'],
        detail: expect.objectContaining({ withheldItems: 3 }),
      },
      {
        actor_id: 'dm-1',
        actor_roles: ['decision-maker'],
        detail: expect.objectContaining({ withheldItems: 0 }),
      },
    ]);
  });

  it('lists records oldest first and refuses an unknown status by name', async () => {
    // Screened newest first, so the order can only come from the contacts' received times.
    const [newer, older] = [randomUUID(), randomUUID()];
    await screen(newer, {}, '2024-03-04T11:00:00.000Z');
    await screen(older, {}, '2024-03-01T08:00:00.000Z');
    await waitForStatus(older, 'ready-for-decision');
    await waitForStatus(newer, 'ready-for-decision');

    const list = await request(app.getHttpServer())
      .get('/contacts?status=ready-for-decision&rag=amber')
      .set('Authorization', `Bearer ${tokens.socialWorker}`)
      .expect(200);
    const entry = list.body.find((row: { contactId: string }) => row.contactId === contact.id);
    expect(entry).toMatchObject({
      status: 'ready-for-decision',
      rag: 'amber',
      route: 'mash-checks',
      overdue: false,
    });
    expect(entry.checks).toEqual(
      AGENCIES_ASKED.map((agency) => ({ agency, status: 'responded' })).sort(byAgency),
    );
    const order = list.body.map((row: { contactId: string }) => row.contactId);
    expect(order.indexOf(older)).toBeLessThan(order.indexOf(contact.id));
    expect(order.indexOf(contact.id)).toBeLessThan(order.indexOf(newer));
    expect(list.body.every((row: { status: string }) => row.status === 'ready-for-decision')).toBe(true);

    // Only the contact received on Friday 1 March has passed its decision deadline (Tuesday 09:00)
    // by the clock's Tuesday 10:00; every check of the others has answered.
    const overdue = await request(app.getHttpServer())
      .get('/contacts?overdue=true')
      .set('Authorization', `Bearer ${tokens.socialWorker}`)
      .expect(200);
    expect(overdue.body.map((row: { contactId: string }) => row.contactId)).toEqual([older]);
    expect(overdue.body[0]).toMatchObject({ decisionOverdue: true, overdueChecks: 0 });

    const bad = await request(app.getHttpServer())
      .get('/contacts?status=pending')
      .set('Authorization', `Bearer ${tokens.socialWorker}`)
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status', rule: 'isIn' })]);
  });

  it('refuses a decision before the record is ready, from a social worker, and without a token', async () => {
    const waiting = { id: randomUUID(), check: randomUUID() };
    await screen(waiting.id, { health: waiting.check });
    await waitForStatus(waiting.id, 'awaiting-checks');
    const body = {
      outcome: 'early-help',
      rationale: 'Needs are below the threshold for statutory services.',
    };

    const early = await decide(waiting.id, body, tokens.decisionMaker).expect(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    await decide(contact.id, body, tokens.socialWorker).expect(403);
    await decide(contact.id, body).expect(401);
    await decide(randomUUID(), body, tokens.decisionMaker).expect(404);
    const invalid = await decide(
      contact.id,
      { outcome: 'adopt', rationale: '' },
      tokens.decisionMaker,
    ).expect(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['outcome', 'rationale']),
    );
    expect(await statusOf(contact.id)).toBe('ready-for-decision');
  });

  it('refuses feedback to the referrer that quotes a mash-only item, and changes nothing', async () => {
    const leaking = await decide(
      contact.id,
      {
        outcome: 'early-help',
        rationale: 'Early help is proportionate.',
        feedbackToReferrer: `Thank you. Please be aware: ${mashOnlySummary('health').toUpperCase()}`,
      },
      tokens.decisionMaker,
    ).expect(422);
    expect(leaking.body.type).toMatch(/mash-only-in-feedback$/);
    expect(JSON.stringify(leaking.body)).not.toContain('county lines');

    const { rows } = await db.query(
      'SELECT status, outcome, feedback_to_referrer FROM mash_records WHERE contact_id = $1',
      [contact.id],
    );
    expect(rows[0]).toEqual({ status: 'ready-for-decision', outcome: null, feedback_to_referrer: null });
    expect((await db.query(`SELECT 1 FROM outbox WHERE type = 'decision.recorded'`)).rowCount).toBe(0);
    expect(
      (
        await db.query(`SELECT 1 FROM audit_log WHERE contact_id = $1 AND action = 'record-decision'`, [
          contact.id,
        ])
      ).rowCount,
    ).toBe(0);
  });

  it('records a decision and publishes decision.recorded with neither mash-only text nor the rationale', async () => {
    const rationale = 'Internal: police intelligence weighed; early help is proportionate for now.';
    const feedbackToReferrer = 'Thank you for your referral. The family will be offered early help.';
    const decided = await decide(
      contact.id,
      { outcome: 'early-help', rationale, feedbackToReferrer },
      tokens.decisionMaker,
    ).expect(200);
    expect(decided.body).toMatchObject({
      status: 'decided',
      decision: {
        outcome: 'early-help',
        rationale,
        feedbackToReferrer,
        decidedBy: 'dm-1',
        decidedAt: clock.now().toISOString(),
      },
    });

    const [published] = await decisions.waitFor(1, (message) => message.body.contactId === contact.id);
    expect(published.properties.type).toBe(MessageTypes.DecisionRecorded);
    expect(published.body).toMatchObject({
      contactId: contact.id,
      outcome: 'early-help',
      decidedBy: 'dm-1',
      feedbackToReferrer,
      referrer: {
        name: 'Sam Teacher',
        organisation: 'Example Primary School',
        email: 'dsl@school.example.org',
      },
      children: [{ givenName: 'Amelia', familyName: 'Example' }],
    });
    const wire = JSON.stringify(published.body);
    expect(wire).not.toContain('county lines');
    expect(wire).not.toContain(rationale);
    expect(published.body).not.toHaveProperty('rationale');

    const audit = await db.query(
      `SELECT actor_id, detail FROM audit_log WHERE contact_id = $1 AND action = 'record-decision'`,
      [contact.id],
    );
    expect(audit.rows).toEqual([
      { actor_id: 'dm-1', detail: { outcome: 'early-help', feedbackToReferrer: true } },
    ]);
    await decide(contact.id, { outcome: 'signpost', rationale: 'again' }, tokens.decisionMaker).expect(409);
  });

  it('does not change the record when a check.responded is redelivered or repeated', async () => {
    const before = (
      await db.query('SELECT response, responded_at FROM record_checks WHERE check_id = $1', [
        contact.checks.police,
      ])
    ).rows[0];
    const repeated = await respond('police', contact.id, contact.checks.police, {
      analysis: 'A changed analysis that must not replace the first',
      respondedAt: '2024-03-06T09:00:00.000Z',
    });
    await respond('police', contact.id, contact.checks.police, { analysis: 'redelivered' }, repeated);
    await waitForHandled(repeated);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = (
      await db.query('SELECT response, responded_at FROM record_checks WHERE check_id = $1', [
        contact.checks.police,
      ])
    ).rows[0];
    expect(after).toEqual(before);
    expect(await statusOf(contact.id)).toBe('decided');
  });

  it('records when the referrer was told the outcome, not when they were acknowledged', async () => {
    const notify = (kind: string, sentAt: string) =>
      broker.publish(
        eventsExchange('notifications'),
        MessageTypes.NotificationSent,
        MessageTypes.NotificationSent,
        {
          notificationId: randomUUID(),
          contactId: contact.id,
          kind,
          channel: 'email',
          recipient: 'referrer',
          sentAt,
        },
      );
    await waitForHandled(await notify('acknowledgement', '2024-03-05T10:01:00.000Z'));
    expect((await view(contact.id, tokens.decisionMaker).expect(200)).body.feedbackSentAt).toBeNull();
    await notify('outcome-email', '2024-03-05T10:05:00.000Z');
    const sent = await eventually(async () => {
      const { body } = await view(contact.id, tokens.decisionMaker);
      return body.feedbackSentAt ?? undefined;
    });
    expect(sent).toBe('2024-03-05T10:05:00.000Z');
  });

  it('keeps the audit log append-only, even for the database superuser', async () => {
    await expect(db.query(`UPDATE audit_log SET actor_id = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
