import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import {
  Agency,
  AGENCIES,
  agencyService,
  ChildDetails,
  ContactScreened,
  deadLetterQueueName,
  eventsExchange,
  MessageTypes,
  RequestedCheck,
  StaffRole,
} from '@mash/contracts';
import {
  aCheckResponded,
  aCheckSubject,
  aChild,
  aConsent,
  aContactReceived,
  aContactScreened,
  aSocialCareIndexResult,
} from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { DecisionConfig } from '../src/config';
import { OverdueSweeper } from '../src/timescales/overdue-sweeper';
import { adminPg, testServiceEnv } from '../../../test-support/env';
import { CapturedMessage, eventually, TestBroker } from '../../../test-support/broker';

/**
 * Issue 3 on the real broker and database: deadlines, overdue checks chased on the agency's own queue,
 * consent decisions, a manager's RAG and agency changes, escalations, repeat contacts, the end-of-day
 * list and the figures. The hub runs the Croydon profile (the default); 4 March 2024 is a Monday and
 * March 2024 is GMT, so London times and UTC agree.
 */
const INBOX = 'decision.inbox';
const agencyQueue = (agency: Agency) => `${agencyService(agency)}.check-requests`;
const at = (iso: string) => new Date(iso);

/** A child no other test knows, so repeat-contact links are only the ones a test makes. */
function aUniqueChild(overrides: Partial<ChildDetails> = {}): ChildDetails {
  const letters = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8);
  return aChild({
    givenName: `Kit${letters}`,
    familyName: `Lane${letters}`,
    dateOfBirth: '2017-01-02',
    ...overrides,
  });
}

describe('decision: timescales, consent, changes, escalations and repeat contacts (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let sweeper: OverdueSweeper;
  const clock = new ManualClock(at('2024-03-04T09:40:00.000Z'));
  const tokens = {} as Record<'teamManager' | 'decisionMaker' | 'hubOperator' | 'contactOfficer', string>;
  /** What has arrived on each agency's own queue, drained as the tests go. */
  const agencyMessages: CapturedMessage[] = [];

  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const statusOf = async (contactId: string) =>
    (await db.query('SELECT status FROM mash_records WHERE contact_id = $1', [contactId])).rows[0]?.status as
      string | undefined;
  const waitForStatus = (contactId: string, status: string) =>
    eventually(async () => ((await statusOf(contactId)) === status ? status : undefined), 15_000, status);
  const waitForHandled = (messageId: string) =>
    eventually(
      async () =>
        (await db.query('SELECT 1 FROM inbox WHERE message_id = $1', [messageId])).rowCount
          ? true
          : undefined,
      15_000,
      `message ${messageId} handled`,
    );
  const outboxCount = async (type: string, contactId: string) =>
    (
      await db.query(`SELECT count(*)::int AS n FROM outbox WHERE type = $1 AND correlation_id = $2`, [
        type,
        contactId,
      ])
    ).rows[0].n as number;

  /** Waits until `count` messages of this type about this contact have reached the agencies' queues. */
  async function onAgencyQueues(type: string, contactId: string, count: number): Promise<CapturedMessage[]> {
    return eventually(
      async () => {
        for (const agency of AGENCIES) agencyMessages.push(...(await broker.drain(agencyQueue(agency))));
        const found = agencyMessages.filter(
          (message) => message.properties.type === type && message.body.contactId === contactId,
        );
        return found.length >= count ? found : undefined;
      },
      15_000,
      `${count} ${type} for ${contactId}`,
    );
  }
  const queueOf = (message: CapturedMessage) => message.routingKey.split('.').pop();

  function screen(contactId: string, overrides: Partial<ContactScreened> = {}, contact: object = {}) {
    return broker.publish(
      eventsExchange('triage'),
      MessageTypes.ContactScreened,
      MessageTypes.ContactScreened,
      aContactScreened({
        contactId,
        screenedAt: clock.now().toISOString(),
        profile: 'croydon',
        checks: [],
        subjects: [
          aCheckSubject(),
          aCheckSubject({ subjectId: 'adult-0', role: 'adult', givenName: 'Jordan' }),
        ],
        socialCareIndex: [],
        ...overrides,
        contact: aContactReceived({
          contactId,
          reference: `MASH-T-${contactId.slice(0, 8)}`,
          receivedAt: clock.now().toISOString(),
          children: [aUniqueChild()],
          ...contact,
        }),
      }),
    );
  }
  const checksFor = (agencies: Agency[], extra: Partial<RequestedCheck> = {}): RequestedCheck[] =>
    agencies.map((agency) => ({ checkId: randomUUID(), agency, ...extra }));

  function respond(agency: Agency, contactId: string, checkId: string) {
    return broker.publish(
      eventsExchange(agencyService(agency)),
      MessageTypes.CheckResponded,
      MessageTypes.CheckResponded,
      aCheckResponded({ agency, contactId, checkId, respondedAt: clock.now().toISOString() }),
    );
  }

  const view = async (contactId: string, token = tokens.teamManager) =>
    (await http().get(`/contacts/${contactId}`).set(as(token)).expect(200)).body;

  beforeAll(async () => {
    db = await adminPg('decision');
    broker = await TestBroker.connect();
    await broker.purge(INBOX, deadLetterQueueName(INBOX), ...AGENCIES.map(agencyQueue));
    const config = loadConfig(DecisionConfig, { ...testServiceEnv('decision'), OVERDUE_SWEEP_SECONDS: '0' });
    app = await startService({
      service: 'decision',
      module: AppModule.register(config, clock),
      config,
      title: '',
      description: '',
      listen: false,
    });
    sweeper = app.get(OverdueSweeper);
    const secret = config.AUTH_DEV_SECRET!;
    const token = (sub: string, role: StaffRole) => issueDevelopmentToken({ sub, roles: [role] }, secret);
    tokens.teamManager = await token('tm-1', 'team-manager');
    tokens.decisionMaker = await token('dm-1', 'decision-maker');
    tokens.hubOperator = await token('op-1', 'hub-operator');
    tokens.contactOfficer = await token('co-1', 'contact-officer');
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  describe('overdue checks are chased on the agency’s own queue', () => {
    const a = {
      id: randomUUID(),
      checks: checksFor(['police', 'health'], { dueAt: '2024-03-04T13:40:00.000Z' }),
    };
    const b = { id: randomUUID() };

    it('stores the deadlines screening set, with their history', async () => {
      clock.set('2024-03-04T09:40:00.000Z');
      await screen(a.id, {
        rag: 'red',
        checks: a.checks,
        deadlines: { checksDueAt: '2024-03-04T13:40:00.000Z', decisionDueAt: '2024-03-04T13:15:00.000Z' },
      });
      await waitForStatus(a.id, 'awaiting-checks');
      const record = await view(a.id);
      expect(record.deadlines).toMatchObject({
        checksDueAt: '2024-03-04T13:40:00.000Z',
        decisionDueAt: '2024-03-04T13:15:00.000Z',
        feedbackDueAt: null,
        checks: { dueAt: '2024-03-04T13:40:00.000Z', metAt: null, status: 'pending' },
        decision: { dueAt: '2024-03-04T13:15:00.000Z', metAt: null, status: 'pending' },
      });
      expect(record.deadlines.history).toEqual([
        expect.objectContaining({ cause: 'screening', changedBy: 'triage', rag: 'red' }),
      ]);
      expect(record.checks.map((check: { dueAt: string }) => check.dueAt)).toEqual([
        '2024-03-04T13:40:00.000Z',
        '2024-03-04T13:40:00.000Z',
      ]);
    });

    it('does not chase at the due time, chases each agency once just after it, and not again within the interval', async () => {
      clock.set('2024-03-04T13:40:00.000Z');
      await sweeper.sweep();
      expect(await outboxCount(MessageTypes.CheckChased, a.id)).toBe(0);

      clock.set('2024-03-04T13:41:00.000Z');
      await sweeper.sweep();
      const chased = await onAgencyQueues(MessageTypes.CheckChased, a.id, 2);
      expect(chased.map(queueOf).sort()).toEqual(['health', 'police']);
      for (const message of chased) {
        expect(message.routingKey).toBe(`check.chased.${message.body.agency}`);
        expect(message.body).toMatchObject({
          dueAt: '2024-03-04T13:40:00.000Z',
          chasedAt: '2024-03-04T13:41:00.000Z',
          chaseNumber: 1,
        });
      }
      const { rows } = await db.query(
        `SELECT status, overdue_at, chase_count FROM record_checks WHERE contact_id = $1`,
        [a.id],
      );
      expect(rows).toEqual([
        { status: 'overdue', overdue_at: at('2024-03-04T13:41:00.000Z'), chase_count: 1 },
        { status: 'overdue', overdue_at: at('2024-03-04T13:41:00.000Z'), chase_count: 1 },
      ]);

      clock.set('2024-03-04T14:30:00.000Z');
      await sweeper.sweep();
      expect(await outboxCount(MessageTypes.CheckChased, a.id)).toBe(2);
    });

    it('chases again after the interval, counting the chases', async () => {
      clock.set('2024-03-04T14:41:00.000Z');
      await sweeper.sweep();
      const chased = await onAgencyQueues(MessageTypes.CheckChased, a.id, 4);
      expect(
        chased
          .filter((message) => message.body.chaseNumber === 2)
          .map(queueOf)
          .sort(),
      ).toEqual(['health', 'police']);
    });

    it('lists overdue contacts for hub operators, soonest deadline first, and counts them in the metrics', async () => {
      // Received after a, but with an earlier deadline: the overdue list puts it first.
      clock.set('2024-03-04T14:42:00.000Z');
      await screen(b.id, { rag: 'red', deadlines: { decisionDueAt: '2024-03-04T12:00:00.000Z' } });
      await waitForStatus(b.id, 'ready-for-decision');

      const overdue = await http().get('/contacts?overdue=true').set(as(tokens.hubOperator)).expect(200);
      const ids = overdue.body.map((entry: { contactId: string }) => entry.contactId);
      expect(ids.indexOf(b.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
      expect(overdue.body.find((entry: { contactId: string }) => entry.contactId === a.id)).toMatchObject({
        overdue: true,
        overdueChecks: 2,
        decisionOverdue: true,
        nextDeadlineAt: '2024-03-04T13:15:00.000Z',
      });
      expect(overdue.body.find((entry: { contactId: string }) => entry.contactId === b.id)).toMatchObject({
        overdueChecks: 0,
        decisionOverdue: true,
      });
      const byReceipt = await http().get('/contacts?overdue=true&sort=received').set(as(tokens.hubOperator));
      const received = byReceipt.body.map((entry: { contactId: string }) => entry.contactId);
      expect(received.indexOf(a.id)).toBeLessThan(received.indexOf(b.id));

      const metrics = await http().get('/metrics').expect(200);
      expect(metrics.text).toMatch(/mash_checks_overdue\{agency="police"\} [1-9]/);
      expect(metrics.text).toMatch(/mash_checks_chased_total\{agency="health"\} [1-9]/);
      expect(metrics.text).toMatch(/mash_decisions_overdue [1-9]/);
    });

    it('a late answer makes the check responded and keeps that it was late', async () => {
      clock.set('2024-03-04T15:00:00.000Z');
      const police = a.checks.find((check) => check.agency === 'police')!;
      await waitForHandled(await respond('police', a.id, police.checkId));
      const record = await view(a.id);
      expect(record.checks.find((check: { agency: string }) => check.agency === 'police')).toMatchObject({
        status: 'responded',
        late: true,
        overdueSince: '2024-03-04T13:41:00.000Z',
        chases: 2,
      });
      expect(record.status).toBe('awaiting-checks');
      expect(record.deadlines.checks.status).toBe('missed');
    });
  });

  describe('consent', () => {
    // Screening named whom health is asked about (triage's RequestedCheck.subjectIds); the others
    // get their agency's share: police the born children and the adults, education the children.
    const c = {
      id: randomUUID(),
      checks: checksFor(['police', 'health', 'education'], { state: 'awaiting-consent' }).map((check) =>
        check.agency === 'health' ? { ...check, subjectIds: ['adult-0'] } : check,
      ),
    };
    const consentRequest = (body: object, token?: string) => {
      const call = http().post(`/contacts/${c.id}/consent`).send(body);
      return token ? call.set(as(token)) : call;
    };

    it('a contact whose consent awaits a decision waits for a team manager, its checks not sent', async () => {
      clock.set('2024-03-04T10:00:00.000Z');
      await screen(
        c.id,
        { checks: c.checks, consent: { status: 'refused', outcome: 'awaiting-decision', exception: null } },
        { consent: aConsent({ status: 'refused', givenBy: null, reason: 'Mother does not agree' }) },
      );
      await waitForStatus(c.id, 'awaiting-consent-decision');
      const record = await view(c.id);
      expect(
        record.checks.map((check: { status: string; requestedAt: string | null }) => [
          check.status,
          check.requestedAt,
        ]),
      ).toEqual([
        ['awaiting-consent', null],
        ['awaiting-consent', null],
        ['awaiting-consent', null],
      ]);
      expect(record.consent).toEqual({
        referrer: { status: 'refused', givenBy: null, reason: 'Mother does not agree' },
        outcome: 'awaiting-decision',
        exception: null,
        decisions: [],
      });
    });

    it('refuses a consent decision without a token, from a decision maker, and an override without a rationale; nothing is stored', async () => {
      await consentRequest({ decision: 'override', rationale: 'x' }).expect(401);
      await consentRequest({ decision: 'override', rationale: 'x' }, tokens.decisionMaker).expect(403);
      const bad = await consentRequest({ decision: 'override' }, tokens.teamManager).expect(400);
      expect(bad.body.errors).toContainEqual(
        expect.objectContaining({ field: 'rationale', rule: 'isDefined' }),
      );
      expect(bad.body.errors.every((error: { field: string }) => error.field === 'rationale')).toBe(true);
      expect(await statusOf(c.id)).toBe('awaiting-consent-decision');
      expect((await db.query('SELECT 1 FROM consent_decisions WHERE contact_id = $1', [c.id])).rowCount).toBe(
        0,
      );
    });

    it('an override requests every planned check on its agency’s own queue and the record waits for them', async () => {
      clock.set('2024-03-04T11:00:00.000Z');
      const rationale = 'Telling the family would place the child at risk of significant harm (Croydon 5).';
      const decided = await consentRequest({ decision: 'override', rationale }, tokens.teamManager).expect(
        200,
      );
      expect(decided.body).toMatchObject({
        status: 'awaiting-checks',
        consent: {
          outcome: 'overridden',
          decisions: [
            { decision: 'override', rationale, decidedBy: 'tm-1', decidedAt: '2024-03-04T11:00:00.000Z' },
          ],
        },
      });
      // Croydon 8: Amber checks within one working day, counted from now.
      for (const check of decided.body.checks) {
        expect(check).toMatchObject({
          status: 'requested',
          requestedAt: '2024-03-04T11:00:00.000Z',
          dueAt: '2024-03-05T11:00:00.000Z',
        });
      }

      const requested = await onAgencyQueues(MessageTypes.CheckRequested, c.id, 3);
      expect(requested.map(queueOf).sort()).toEqual(['education', 'health', 'police']);
      for (const message of requested) {
        const planned = c.checks.find((check) => check.agency === message.body.agency)!;
        expect(message.routingKey).toBe(`check.requested.${planned.agency}`);
        expect(message.body).toMatchObject({
          checkId: planned.checkId,
          rag: 'amber',
          dueAt: '2024-03-05T11:00:00.000Z',
        });
        const asked = { police: ['child-0', 'adult-0'], health: ['adult-0'], education: ['child-0'] };
        const subjects = message.body.subjects as { subjectId: string }[];
        expect(subjects.map((subject) => subject.subjectId)).toEqual(asked[planned.agency]);
      }

      const audit = await db.query(
        `SELECT action, actor_id, detail FROM audit_log WHERE contact_id = $1 AND action IN ('record-consent-decision', 'request-check') ORDER BY id`,
        [c.id],
      );
      expect(audit.rows.map((row) => row.action).sort()).toEqual([
        'record-consent-decision',
        'request-check',
        'request-check',
        'request-check',
      ]);
      expect(JSON.stringify(audit.rows)).not.toContain('significant harm');
      await consentRequest({ decision: 'consent-obtained' }, tokens.teamManager).expect(409);
    });

    it('proceeding without checks sends none and puts the contact before a decision maker', async () => {
      const g = { id: randomUUID(), checks: checksFor(['police', 'health'], { state: 'awaiting-consent' }) };
      await screen(
        g.id,
        {
          checks: g.checks,
          consent: { status: 'not-sought', outcome: 'awaiting-decision', exception: null },
        },
        { consent: aConsent({ status: 'not-sought', givenBy: null, reason: 'Referrer did not ask' }) },
      );
      await waitForStatus(g.id, 'awaiting-consent-decision');
      const decided = await http()
        .post(`/contacts/${g.id}/consent`)
        .set(as(tokens.teamManager))
        .send({ decision: 'proceed-without-checks', rationale: 'What is known is enough to signpost.' })
        .expect(200);
      expect(decided.body).toMatchObject({
        status: 'ready-for-decision',
        consent: { outcome: 'not-needed' },
      });
      expect(decided.body.checks.map((check: { status: string }) => check.status)).toEqual([
        'not-required',
        'not-required',
      ]);
      expect(decided.body.deadlines.checks.status).toBe('not-applicable');
      expect(await outboxCount(MessageTypes.CheckRequested, g.id)).toBe(0);
    });

    it('keeps consent decisions append-only', async () => {
      await expect(db.query(`UPDATE consent_decisions SET rationale = 'changed'`)).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('a team manager changes the agencies and the RAG', () => {
    const d = { id: randomUUID(), checks: checksFor(['police', 'health']) };
    const e = { id: randomUUID(), checks: checksFor(['police', 'health']) };
    const checkId = (agency: Agency) => d.checks.find((check) => check.agency === agency)!.checkId;

    it('withdraws an agency (check.cancelled) and asks a new one (check.requested)', async () => {
      clock.set('2024-03-04T11:30:00.000Z');
      await screen(d.id, { checks: d.checks });
      await waitForStatus(d.id, 'awaiting-checks');
      clock.set('2024-03-04T12:00:00.000Z');
      const reason = 'The child is at school; the health visitor has nothing recent.';
      const changed = await http()
        .post(`/contacts/${d.id}/checks`)
        .set(as(tokens.teamManager))
        .send({ agencies: ['police', 'education'], reason })
        .expect(200);
      const byAgency = (agency: string) =>
        changed.body.checks.find(
          (check: { agency: string; status: string }) =>
            check.agency === agency && check.status !== 'cancelled',
        ) ?? changed.body.checks.find((check: { agency: string }) => check.agency === agency);
      expect(byAgency('health')).toMatchObject({
        status: 'cancelled',
        cancelled: { at: '2024-03-04T12:00:00.000Z', by: 'tm-1', reason },
      });
      expect(byAgency('education')).toMatchObject({ status: 'requested', dueAt: '2024-03-05T12:00:00.000Z' });
      expect(changed.body.deadlines.history.map((entry: { cause: string }) => entry.cause)).toEqual([
        'screening',
        'agencies-change',
      ]);

      const [cancelled] = await onAgencyQueues(MessageTypes.CheckCancelled, d.id, 1);
      expect(cancelled.routingKey).toBe('check.cancelled.health');
      expect(cancelled.body).toMatchObject({ checkId: checkId('health'), cancelledBy: 'tm-1', reason });
      const [requested] = await onAgencyQueues(MessageTypes.CheckRequested, d.id, 1);
      expect(requested.routingKey).toBe('check.requested.education');
      expect(requested.body.checkId).toBe(byAgency('education').checkId);
    });

    it('is ready for decision once the agencies still asked have answered, the withdrawn one not counted', async () => {
      const education = (await view(d.id)).checks.find(
        (check: { agency: string }) => check.agency === 'education',
      );
      await respond('police', d.id, checkId('police'));
      await respond('education', d.id, education.checkId);
      await waitForStatus(d.id, 'ready-for-decision');
    });

    it('refuses a change that changes nothing, or withdraws an agency that has answered, naming the field', async () => {
      const post = (agencies: Agency[]) =>
        http().post(`/contacts/${d.id}/checks`).set(as(tokens.teamManager)).send({ agencies, reason: 'r' });
      const same = await post(['police', 'education']).expect(400);
      expect(same.body.errors).toEqual([
        expect.objectContaining({ field: 'agencies', rule: 'changesTheChecks' }),
      ]);
      const answered = await post(['education']).expect(400);
      expect(answered.body.errors).toEqual([
        expect.objectContaining({ field: 'agencies', rule: 'keepsAnsweredChecks' }),
      ]);
      const unknown = await post(['fire-service' as Agency]).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'agencies' })]);
      await http()
        .post(`/contacts/${d.id}/checks`)
        .set(as(tokens.decisionMaker))
        .send({ agencies: [], reason: 'r' })
        .expect(403);
    });

    it('a RAG change recomputes the deadlines from now, re-times every open check and keeps the history', async () => {
      clock.set('2024-03-04T12:30:00.000Z');
      await screen(e.id, { checks: e.checks });
      await waitForStatus(e.id, 'awaiting-checks');
      clock.set('2024-03-04T13:00:00.000Z');
      const reason = 'Police report a weapon at the address.';
      const changed = await http()
        .post(`/contacts/${e.id}/rag`)
        .set(as(tokens.teamManager))
        .send({ rating: 'red', reason })
        .expect(200);
      // Croydon 8, Red: 4 hours. The decision counts from receipt (12:30), the checks from the change.
      expect(changed.body.rag).toMatchObject({
        rating: 'red',
        setBy: 'tm-1',
        reason,
        setAt: '2024-03-04T13:00:00.000Z',
      });
      expect(
        changed.body.rag.history.map((entry: { source: string; rating: string }) => [
          entry.source,
          entry.rating,
        ]),
      ).toEqual([
        ['screening', 'amber'],
        ['manager', 'red'],
      ]);
      expect(changed.body.deadlines).toMatchObject({
        checksDueAt: '2024-03-04T17:00:00.000Z',
        decisionDueAt: '2024-03-04T16:30:00.000Z',
      });
      expect(changed.body.deadlines.history).toEqual([
        expect.objectContaining({ cause: 'screening', rag: 'amber' }),
        expect.objectContaining({
          cause: 'rag-change',
          rag: 'red',
          changedBy: 'tm-1',
          reason,
          at: '2024-03-04T13:00:00.000Z',
          checksDueAt: '2024-03-04T17:00:00.000Z',
        }),
      ]);
      const retimed = await onAgencyQueues(MessageTypes.CheckRetimed, e.id, 2);
      expect(retimed.map(queueOf).sort()).toEqual(['health', 'police']);
      for (const message of retimed) {
        expect(message.body).toMatchObject({
          rag: 'red',
          dueAt: '2024-03-04T17:00:00.000Z',
          retimedAt: '2024-03-04T13:00:00.000Z',
        });
      }
      const unchanged = await http()
        .post(`/contacts/${e.id}/rag`)
        .set(as(tokens.teamManager))
        .send({ rating: 'red', reason })
        .expect(400);
      expect(unchanged.body.errors).toEqual([
        expect.objectContaining({ field: 'rating', rule: 'changesTheRating' }),
      ]);
      const noReason = await http()
        .post(`/contacts/${e.id}/rag`)
        .set(as(tokens.teamManager))
        .send({ rating: 'green' })
        .expect(400);
      expect(noReason.body.errors).toContainEqual(
        expect.objectContaining({ field: 'reason', rule: 'isString' }),
      );
      expect(noReason.body.errors.every((error: { field: string }) => error.field === 'reason')).toBe(true);
      expect((await view(e.id)).rag.rating).toBe('red');
    });
  });

  describe('an agency escalates', () => {
    const f = { id: randomUUID(), checks: checksFor(['police', 'health']) };
    const escalate = (rag: 'red' | 'amber', reason: string) =>
      broker.publish(
        eventsExchange('police-checks'),
        MessageTypes.CheckEscalated,
        MessageTypes.CheckEscalated,
        {
          checkId: f.checks[0].checkId,
          contactId: f.id,
          agency: 'police',
          rag,
          escalatedAt: clock.now().toISOString(),
          escalatedBy: 'police-researcher-4',
          reason,
        },
      );

    it('raises the rating, re-times every open check and records who and why', async () => {
      clock.set('2024-03-04T13:30:00.000Z');
      await screen(f.id, { checks: f.checks });
      await waitForStatus(f.id, 'awaiting-checks');
      clock.set('2024-03-04T14:00:00.000Z');
      await waitForHandled(await escalate('red', 'A live investigation involves an adult in the household.'));

      const record = await view(f.id);
      expect(record.rag).toMatchObject({ rating: 'red', setBy: 'police-researcher-4' });
      expect(record.escalations).toEqual([
        {
          agency: 'police',
          checkId: f.checks[0].checkId,
          requested: 'red',
          raised: true,
          at: '2024-03-04T14:00:00.000Z',
          by: 'police-researcher-4',
          reason: 'A live investigation involves an adult in the household.',
        },
      ]);
      expect(record.deadlines.history.map((entry: { cause: string }) => entry.cause)).toEqual([
        'screening',
        'escalation',
      ]);
      const retimed = await onAgencyQueues(MessageTypes.CheckRetimed, f.id, 2);
      expect(retimed.map(queueOf).sort()).toEqual(['health', 'police']);
      expect(retimed[0].body).toMatchObject({ rag: 'red', dueAt: '2024-03-04T18:00:00.000Z' });
    });

    it('never lowers it: a later escalation at Amber is recorded and changes nothing', async () => {
      await waitForHandled(await escalate('amber', 'Further information.'));
      const record = await view(f.id);
      expect(record.rag.rating).toBe('red');
      expect(
        record.escalations.map((entry: { requested: string; raised: boolean }) => [
          entry.requested,
          entry.raised,
        ]),
      ).toEqual([
        ['red', true],
        ['amber', false],
      ]);
      expect(await outboxCount(MessageTypes.CheckRetimed, f.id)).toBe(2);
    });
  });

  describe('repeat contacts', () => {
    const child = aUniqueChild({ dateOfBirth: '2015-06-07' });
    const first = randomUUID();
    const second = randomUUID();
    const byRecord = randomUUID();
    const olderLate = randomUUID();

    it('links a contact about a child seen before, by normalised names and date of birth, and shows the earlier one', async () => {
      clock.set('2024-01-10T10:00:00.000Z');
      await screen(first, {}, { children: [child] });
      await waitForStatus(first, 'ready-for-decision');
      clock.set('2024-01-20T10:00:00.000Z');
      await screen(
        second,
        {
          socialCareIndex: [aSocialCareIndexResult({ childIndex: 1, recordId: `SC-${second.slice(0, 8)}` })],
        },
        {
          children: [
            aUniqueChild(),
            {
              ...child,
              givenName: ` ${child.givenName.toUpperCase()}`,
              familyName: child.familyName.toLowerCase(),
            },
          ],
        },
      );
      await waitForStatus(second, 'ready-for-decision');
      const record = await view(second);
      expect(record.previousContacts).toEqual([
        {
          contactId: first,
          reference: `MASH-T-${first.slice(0, 8)}`,
          receivedAt: '2024-01-10T10:00:00.000Z',
          status: 'ready-for-decision',
          outcome: null,
          decidedAt: null,
          childIndexes: [1],
          matchedBy: ['name-and-date-of-birth'],
        },
      ]);
      expect((await view(first)).previousContacts).toEqual([]);
    });

    it('links by the social care index record when the names differ', async () => {
      clock.set('2024-01-25T10:00:00.000Z');
      await screen(
        byRecord,
        {
          socialCareIndex: [aSocialCareIndexResult({ childIndex: 0, recordId: `SC-${second.slice(0, 8)}` })],
        },
        { children: [aUniqueChild()] },
      );
      await waitForStatus(byRecord, 'ready-for-decision');
      expect((await view(byRecord)).previousContacts).toEqual([
        expect.objectContaining({ contactId: second, matchedBy: ['social-care-record'], childIndexes: [0] }),
      ]);
    });

    it('links an older contact screened late as the earlier one', async () => {
      clock.set('2024-01-26T10:00:00.000Z');
      await screen(olderLate, {}, { children: [child], receivedAt: '2024-01-05T09:00:00.000Z' });
      await waitForStatus(olderLate, 'ready-for-decision');
      expect((await view(olderLate)).previousContacts).toEqual([]);
      expect(
        (await view(first)).previousContacts.map((contact: { contactId: string }) => contact.contactId),
      ).toEqual([olderLate]);
    });

    it('counts re-referrals in the figures and the work list, with no personal data in either', async () => {
      const figures = await http()
        .get('/figures?from=2024-01-01T00:00:00.000Z&to=2024-02-01T00:00:00.000Z')
        .set(as(tokens.hubOperator))
        .expect(200);
      // olderLate, first, second and byRecord were received in January: three of them follow an earlier one.
      expect(figures.body).toMatchObject({
        contacts: 4,
        reReferrals: 3,
        reReferralRate: 0.75,
        reReferralWindowDays: 365,
      });
      const list = await http().get('/contacts?sort=received').set(as(tokens.hubOperator)).expect(200);
      expect(
        list.body.find((entry: { contactId: string }) => entry.contactId === second).previousContacts,
      ).toBe(2);
      const published = JSON.stringify([figures.body, list.body]);
      expect(published).not.toContain(child.givenName);
      expect(
        (await db.query(`SELECT 1 FROM record_children WHERE key ILIKE $1`, [`%${child.givenName}%`]))
          .rowCount,
      ).toBe(0);
      const bad = await http()
        .get('/figures?from=2024-02-01T00:00:00.000Z&to=2024-01-01T00:00:00.000Z')
        .set(as(tokens.hubOperator))
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
      await http().get('/figures').set(as(tokens.contactOfficer)).expect(403);
    });
  });

  describe('the end-of-day list across a Friday evening (Blackburn with Darwen: none left at the end of the working day)', () => {
    const waiting = randomUUID();
    const decidedBeforeClose = randomUUID();
    const afterHours = randomUUID();
    const endOfDay = (query = '', token = tokens.teamManager) =>
      http().get(`/contacts/end-of-day${query}`).set(as(token));
    const ids = (body: { contacts: { contactId: string }[] }) =>
      body.contacts.map((entry) => entry.contactId);

    it('on Friday afternoon lists every contact still waiting for a decision, to be decided before the close', async () => {
      clock.set('2024-03-08T14:00:00.000Z');
      await screen(waiting);
      clock.set('2024-03-08T15:00:00.000Z');
      await screen(decidedBeforeClose);
      await waitForStatus(waiting, 'ready-for-decision');
      await waitForStatus(decidedBeforeClose, 'ready-for-decision');
      clock.set('2024-03-08T16:00:00.000Z');
      const list = await endOfDay('', tokens.hubOperator).expect(200);
      expect(list.body).toMatchObject({
        date: '2024-03-08',
        closesAt: '2024-03-08T17:00:00.000Z',
        asOf: '2024-03-08T16:00:00.000Z',
        closed: false,
      });
      expect(ids(list.body)).toEqual(expect.arrayContaining([waiting, decidedBeforeClose]));
    });

    it('after the close on Friday evening lists what was left at 17:00, not what was decided before or arrived after', async () => {
      clock.set('2024-03-08T16:45:00.000Z');
      await http()
        .post(`/contacts/${decidedBeforeClose}/decision`)
        .set(as(tokens.decisionMaker))
        .send({ outcome: 'signpost', rationale: 'Universal services meet the need.' })
        .expect(200);
      clock.set('2024-03-08T18:30:00.000Z');
      await screen(afterHours);
      await waitForStatus(afterHours, 'ready-for-decision');
      clock.set('2024-03-08T19:00:00.000Z');
      const list = await endOfDay().expect(200);
      expect(list.body).toMatchObject({ date: '2024-03-08', asOf: '2024-03-08T17:00:00.000Z', closed: true });
      expect(ids(list.body)).toContain(waiting);
      expect(ids(list.body)).not.toContain(decidedBeforeClose);
      expect(ids(list.body)).not.toContain(afterHours);
      expect(
        list.body.contacts.find((entry: { contactId: string }) => entry.contactId === waiting),
      ).toMatchObject({
        status: 'ready-for-decision',
        decidedAt: null,
      });
    });

    it('on Monday, Friday’s list still shows the contact left, now decided, and Monday’s shows the one that arrived after hours', async () => {
      clock.set('2024-03-11T10:00:00.000Z');
      await http()
        .post(`/contacts/${waiting}/decision`)
        .set(as(tokens.decisionMaker))
        .send({ outcome: 'early-help', rationale: 'Family agrees to early help.' })
        .expect(200);
      const friday = await endOfDay('?date=2024-03-08').expect(200);
      expect(
        friday.body.contacts.find((entry: { contactId: string }) => entry.contactId === waiting),
      ).toMatchObject({
        decidedAt: '2024-03-11T10:00:00.000Z',
      });
      const monday = await endOfDay().expect(200);
      expect(monday.body).toMatchObject({
        date: '2024-03-11',
        closesAt: '2024-03-11T17:00:00.000Z',
        closed: false,
      });
      expect(ids(monday.body)).toContain(afterHours);
      expect(ids(monday.body)).not.toContain(waiting);
    });

    it('refuses an impossible date by name, and callers without a hub role', async () => {
      const bad = await endOfDay('?date=2024-02-30').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
      await endOfDay('', tokens.contactOfficer).expect(403);
      await http().get('/contacts/end-of-day').expect(401);
    });

    it('sets the feedback deadline when the decision is recorded (Croydon 8: one working day after)', async () => {
      const record = await view(waiting);
      expect(record.deadlines.feedbackDueAt).toBe('2024-03-12T10:00:00.000Z');
      expect(record.deadlines.feedback).toEqual({
        dueAt: '2024-03-12T10:00:00.000Z',
        metAt: null,
        status: 'pending',
      });
      expect(record.deadlines.history.at(-1)).toMatchObject({ cause: 'decision', changedBy: 'dm-1' });
    });
  });

  describe('alerts screening asked for are tracked until someone sends them (Croydon 8: within 24 hours)', () => {
    const id = randomUUID();

    it('shows each alert pending, lists the record as overdue once one is unsent past its due time, and met once sent', async () => {
      clock.set('2024-03-05T09:00:00.000Z');
      await screen(id, {
        route: 'transfer-to-allocated-worker',
        rag: 'green',
        alerts: [
          {
            kind: 'allocated-worker',
            childIndex: 0,
            to: 'Children in Need Team 3',
            dueAt: '2024-03-06T09:00:00.000Z',
          },
          { kind: 'lado', childIndex: null, to: null, dueAt: '2024-03-06T09:00:00.000Z' },
        ],
      });
      await eventually(async () =>
        (await db.query('SELECT 1 FROM mash_records WHERE contact_id = $1', [id])).rowCount
          ? true
          : undefined,
      );
      expect((await view(id)).deadlines.alerts).toEqual([
        expect.objectContaining({ kind: 'allocated-worker', status: 'pending', sentAt: null }),
        expect.objectContaining({ kind: 'lado', status: 'pending', sentAt: null }),
      ]);

      clock.set('2024-03-06T10:00:00.000Z');
      const overdue = await http()
        .get('/contacts?overdue=true&limit=500')
        .set(as(tokens.hubOperator))
        .expect(200);
      expect(overdue.body.find((entry: { contactId: string }) => entry.contactId === id)).toMatchObject({
        overdueAlerts: 2,
        overdue: true,
      });

      const sent = await http()
        .post(`/contacts/${id}/alerts/0/sent`)
        .set(as(tokens.contactOfficer))
        .expect(200);
      expect(sent.body.deadlines.alerts[0]).toMatchObject({
        sentAt: '2024-03-06T10:00:00.000Z',
        sentBy: 'co-1',
        status: 'missed',
      });
      expect(sent.body.deadlines.alerts[1]).toMatchObject({ sentAt: null, status: 'missed' });
      await http().post(`/contacts/${id}/alerts/0/sent`).set(as(tokens.contactOfficer)).expect(409);
      await http().post(`/contacts/${id}/alerts/7/sent`).set(as(tokens.contactOfficer)).expect(404);
      await http().post(`/contacts/${id}/alerts/1/sent`).set(as(tokens.hubOperator)).expect(403);
      await http().post(`/contacts/${id}/alerts/1/sent`).set(as(tokens.teamManager)).expect(200);
      const listed = await http()
        .get('/contacts?overdue=true&limit=500')
        .set(as(tokens.hubOperator))
        .expect(200);
      expect(listed.body.map((entry: { contactId: string }) => entry.contactId)).not.toContain(id);
      const audit = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE contact_id = $1 AND action = 'record-alert-sent'`,
        [id],
      );
      expect(audit.rows[0].n).toBe(2);
    });
  });

  it('refuses to change the rating or the agencies of a decided record, and changes nothing', async () => {
    const decided = (
      await db.query(`SELECT contact_id, rag_rating FROM mash_records WHERE status = 'decided' LIMIT 1`)
    ).rows[0];
    const rag = await http()
      .post(`/contacts/${decided.contact_id}/rag`)
      .set(as(tokens.teamManager))
      .send({ rating: decided.rag_rating === 'red' ? 'green' : 'red', reason: 'Too late' })
      .expect(409);
    expect(rag.body.type).toMatch(/record-not-open$/);
    await http()
      .post(`/contacts/${decided.contact_id}/checks`)
      .set(as(tokens.teamManager))
      .send({ agencies: ['police'], reason: 'Too late' })
      .expect(409);
    expect(
      (await db.query('SELECT rag_rating FROM mash_records WHERE contact_id = $1', [decided.contact_id]))
        .rows[0],
    ).toEqual({ rag_rating: decided.rag_rating });
  });

  it('lets a hub operator see the lists but not a record', async () => {
    await http().get(`/contacts/${randomUUID()}`).set(as(tokens.hubOperator)).expect(403);
  });

  it('documents the new endpoints in its OpenAPI document', async () => {
    const docs = (await http().get('/docs').expect(200)).body;
    for (const [path, method] of [
      ['/contacts/{contactId}/consent', 'post'],
      ['/contacts/{contactId}/rag', 'post'],
      ['/contacts/{contactId}/checks', 'post'],
      ['/contacts/end-of-day', 'get'],
      ['/figures', 'get'],
    ]) {
      expect(docs.paths[path]?.[method]).toBeDefined();
    }
    expect(docs.components.schemas.ConsentDecisionRequest.properties.decision.enum).toEqual([
      'override',
      'consent-obtained',
      'proceed-without-checks',
    ]);
    expect(docs.components.schemas.DeadlinesView.properties.decision).toBeDefined();
  });

  it('dead-lettered nothing along the way', async () => {
    expect(await broker.drain(deadLetterQueueName(INBOX))).toEqual([]);
  });
});
