import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import { aChild, aConcern, aContactReceived, anAdult, anUnbornChild } from '@mash/contracts/testing';
import {
  CheckRequested,
  checkRequestedRoutingKey,
  ContactReceived,
  ContactScreened,
  deadLetterQueueName,
  eventsExchange,
  MessageTypes,
  WireHeaders,
} from '@mash/contracts';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { TriageConfig } from '../src/config';
import { adminPg, testServiceEnv } from '../../../test-support/env';
import { Capture, CapturedMessage, eventually, TestBroker } from '../../../test-support/broker';

/**
 * triage on the real broker and its real database: contacts arrive as intake publishes them, and
 * what triage publishes is captured on its events exchange.
 */
const QUEUE = 'triage.contacts';
const DEAD_LETTERS = deadLetterQueueName(QUEUE);
const NOW = '2026-11-23T10:00:00.000Z';

const OPEN_CHILD = { givenName: 'Olivia', familyName: 'Openshaw', dateOfBirth: '2015-01-01' };

function indexLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    recordId: `SC-${randomUUID().slice(0, 8)}`,
    givenName: 'Someone',
    familyName: 'Known',
    dateOfBirth: '2014-02-02',
    status: 'closed',
    team: 'Children in Need Team 2',
    openedAt: '2022-01-05',
    closedAt: '2023-01-10T16:00:00Z',
    ...overrides,
  });
}

describe('triage (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let published: Capture<Record<string, unknown>>;
  let config: TriageConfig;
  const clock = new ManualClock(new Date(NOW));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await adminPg('triage');
    await db.query(
      'TRUNCATE social_care_index, social_care_index_mothers, index_match_reviews, screenings, outbox, inbox',
    );
    broker = await TestBroker.connect();
    await broker.purge(QUEUE, DEAD_LETTERS);
    published = await broker.capture(eventsExchange('triage'), '#');
    config = loadConfig(TriageConfig, testServiceEnv('triage'));
    app = await startService({
      service: 'triage',
      module: AppModule.register(config, clock),
      config,
      title: '',
      description: '',
      listen: false,
    });
    for (const role of ['hub-operator', 'decision-maker', 'social-worker']) {
      tokens[role] = await issueDevelopmentToken({ roles: [role] }, config.AUTH_DEV_SECRET!);
    }
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  const importIndex = (body: string, token: string | undefined = tokens['hub-operator']) => {
    const call = request(app.getHttpServer())
      .post('/social-care-index/import')
      .set('Content-Type', 'application/x-ndjson');
    return (token ? call.set('Authorization', `Bearer ${token}`) : call).send(body);
  };
  const publishContact = (contact: ContactReceived, options: { messageId?: string; raw?: Buffer } = {}) =>
    broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
      options,
    );
  const about = (contactId: string) => (message: CapturedMessage<Record<string, unknown>>) =>
    message.properties.correlationId === contactId;
  const ofType = (type: string, contactId: string) => (message: CapturedMessage<Record<string, unknown>>) =>
    about(contactId)(message) && message.properties.type === type;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const count = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0].n as number;

  describe('the social care index import', () => {
    it('refuses an import without a token (401) and from a decision maker (403)', async () => {
      await importIndex(indexLine(), '').expect(401);
      await importIndex(indexLine(), tokens['decision-maker']).expect(403);
    });

    it('answers a bad line with 400 naming the line and field, and stores nothing', async () => {
      const body = [
        indexLine({ recordId: 'SC-BAD-1' }),
        indexLine({ recordId: 'SC-BAD-2', dateOfBirth: '2014-02-30' }),
      ].join('\n');
      const response = await importIndex(body).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ line: 2, field: 'dateOfBirth', rule: 'isCalendarDate' }),
      ]);
      expect(
        await count(`SELECT count(*)::int AS n FROM social_care_index WHERE record_id LIKE 'SC-BAD-%'`, []),
      ).toBe(0);
    });

    it('loads the index, and loading it again changes nothing (idempotent per recordId)', async () => {
      const body = [
        indexLine({
          recordId: 'SC-OPEN',
          ...OPEN_CHILD,
          status: 'open',
          allocatedWorker: 'Sam Worker',
          closedAt: null,
        }),
        indexLine({ recordId: 'SC-CLOSED' }),
      ].join('\n');
      await importIndex(body).expect(200, { imported: 2 });
      await importIndex(body).expect(200, { imported: 2 });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM social_care_index WHERE record_id IN ('SC-OPEN', 'SC-CLOSED')`,
          [],
        ),
      ).toBe(2);
    });
  });

  describe('screening a contact', () => {
    it('screens a contact about a child unknown to social care as amber, with exactly one check for each agency, screened first', async () => {
      const contact = aContactReceived({
        contactId: randomUUID(),
        receivedAt: NOW,
        children: [aChild({ givenName: 'Uma', familyName: 'Unknown', dateOfBirth: '2017-07-07' })],
        adults: [anAdult()],
      });
      await publishContact(contact);

      const [screened] = await published.waitFor(1, ofType(MessageTypes.ContactScreened, contact.contactId));
      const checks = await published.waitFor(3, ofType(MessageTypes.CheckRequested, contact.contactId));
      const body = screened.body as unknown as ContactScreened;
      expect(body).toMatchObject({
        contactId: contact.contactId,
        screenedAt: NOW,
        route: 'mash-checks',
        rag: 'amber',
        socialCareIndex: [{ childIndex: 0, known: false }],
        contact: { contactId: contact.contactId, reference: contact.reference },
      });
      expect(screened.routingKey).toBe(MessageTypes.ContactScreened);

      // One check per agency, each on that agency's own routing key, and they are the checks contact.screened lists.
      expect(checks.map((check) => check.routingKey).sort()).toEqual(
        ['education', 'health', 'police'].map((agency) => checkRequestedRoutingKey(agency as 'police')),
      );
      expect(body.checks.map((check) => check.checkId).sort()).toEqual(
        checks.map((check) => check.body.checkId).sort(),
      );
      for (const check of checks) {
        const requested = check.body as unknown as CheckRequested;
        expect(check.routingKey).toBe(checkRequestedRoutingKey(requested.agency));
        expect(requested).toMatchObject({
          contactId: contact.contactId,
          reference: contact.reference,
          rag: 'amber',
          requestedAt: NOW,
          // Croydon 8 (the default profile): Amber checks within one working day of the rating.
          dueAt: '2026-11-24T10:00:00.000Z',
          concernCategories: contact.concern.categories,
          concernSummary: contact.concern.summary,
        });
        expect(requested.subjects.map((subject) => [subject.subjectId, subject.givenName])).toEqual(
          requested.agency === 'education'
            ? [['child-0', 'Uma']]
            : [
                ['child-0', 'Uma'],
                ['adult-0', contact.adults![0].givenName],
              ],
        );
      }
      expect(body).toMatchObject({
        profile: 'croydon',
        consent: { status: 'given', outcome: 'consent-given' },
        deadlines: { checksDueAt: '2026-11-24T10:00:00.000Z', decisionDueAt: '2026-11-25T10:00:00.000Z' },
        children: [{ childIndex: 0, route: 'mash-checks', rag: 'amber' }],
      });
      // The outbox publishes in order: the MASH record is opened before any agency can answer.
      const firstCheck = Math.min(...checks.map((check) => published.messages.indexOf(check)));
      expect(published.messages.indexOf(screened)).toBeLessThan(firstCheck);

      const screening = await request(app.getHttpServer())
        .get(`/screenings/${contact.contactId}`)
        .set('Authorization', `Bearer ${tokens['social-worker']}`)
        .expect(200);
      expect(screening.body).toMatchObject({
        contactId: contact.contactId,
        route: 'mash-checks',
        rag: 'amber',
        checks: body.checks,
        profile: 'croydon',
        consent: body.consent,
        children: body.children,
        deadlines: { checksDueAt: '2026-11-24T10:00:00.000Z', decisionDueAt: '2026-11-25T10:00:00.000Z' },
      });
    });

    it('routes a child open with an allocated worker to that worker, with no checks, finding the child whatever the case of the names', async () => {
      const contact = aContactReceived({
        contactId: randomUUID(),
        children: [aChild({ ...OPEN_CHILD, givenName: 'OLIVIA', familyName: 'openshaw' })],
      });
      await publishContact(contact);

      const [screened] = await published.waitFor(1, ofType(MessageTypes.ContactScreened, contact.contactId));
      expect(screened.body).toMatchObject({
        route: 'transfer-to-allocated-worker',
        rag: 'green',
        checks: [],
        socialCareIndex: [
          { childIndex: 0, known: true, recordId: 'SC-OPEN', status: 'open', allocatedWorker: 'Sam Worker' },
        ],
        // Croydon 8: the allocated worker is alerted within 24 hours (one working day).
        alerts: [
          { kind: 'allocated-worker', childIndex: 0, to: 'Sam Worker', dueAt: '2026-11-24T10:00:00.000Z' },
        ],
        consent: { outcome: 'not-needed' },
      });
      await pause(1_000);
      expect(published.messages.filter(ofType(MessageTypes.CheckRequested, contact.contactId))).toHaveLength(
        0,
      );
    });

    it('answers 404 for a contact that has not been screened', async () => {
      await request(app.getHttpServer())
        .get(`/screenings/${randomUUID()}`)
        .set('Authorization', `Bearer ${tokens['decision-maker']}`)
        .expect(404);
    });
  });

  describe('consent, deadlines and think family under the profile', () => {
    const screenedOf = async (contactId: string) =>
      (await published.waitFor(1, ofType(MessageTypes.ContactScreened, contactId)))[0]
        .body as unknown as ContactScreened;
    const checksOf = (contactId: string) =>
      published.messages
        .filter(ofType(MessageTypes.CheckRequested, contactId))
        .map((m) => m.body as unknown as CheckRequested);

    it('holds the checks of a contact whose consent was refused: listed as awaiting consent, none published (Bexley 19 and 27)', async () => {
      const contact = aContactReceived({
        contactId: randomUUID(),
        receivedAt: NOW,
        consent: { status: 'refused', givenBy: null, reason: 'The mother does not agree' },
      });
      await publishContact(contact);

      const screened = await screenedOf(contact.contactId);
      expect(screened.consent).toEqual({ status: 'refused', outcome: 'awaiting-decision', exception: null });
      expect(screened.checks.map((check) => [check.agency, check.state, check.dueAt])).toEqual([
        ['police', 'awaiting-consent', null],
        ['health', 'awaiting-consent', null],
        ['education', 'awaiting-consent', null],
      ]);
      expect(screened.deadlines).toMatchObject({
        checksDueAt: null,
        decisionDueAt: '2026-11-25T10:00:00.000Z',
      });
      await pause(1_500);
      expect(checksOf(contact.contactId)).toHaveLength(0);
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE correlation_id = $1 AND type = $2`, [
          contact.contactId,
          MessageTypes.CheckRequested,
        ]),
      ).toBe(0);

      const screening = await request(app.getHttpServer())
        .get(`/screenings/${contact.contactId}`)
        .set('Authorization', `Bearer ${tokens['decision-maker']}`)
        .expect(200);
      expect(screening.body.consent).toEqual(screened.consent);
      expect(screening.body.checks).toEqual(screened.checks);

      const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(metrics.text).toMatch(
        /mash_triage_consent_outcomes_total\{outcome="awaiting-decision",exception="none"\} [1-9]/,
      );
    });

    it('sends the checks of a police notification without consent, naming the exception (Croydon 5)', async () => {
      const contact = aContactReceived({
        contactId: randomUUID(),
        receivedAt: NOW,
        source: 'police',
        channel: 'police-notification',
        consent: { status: 'not-sought', givenBy: null, reason: 'Police notification' },
      });
      await publishContact(contact);

      const screened = await screenedOf(contact.contactId);
      expect(screened.consent).toEqual({
        status: 'not-sought',
        outcome: 'exception',
        exception: 'police-notification',
      });
      const checks = await published.waitFor(3, ofType(MessageTypes.CheckRequested, contact.contactId));
      expect(checks.map((check) => (check.body as unknown as CheckRequested).agency).sort()).toEqual([
        'education',
        'health',
        'police',
      ]);
      expect(screened.checks.every((check) => check.state === 'requested')).toBe(true);
    });

    it('puts the red due time on every check requested for immediate danger on a Friday at 16:30: four hours, day and night (Croydon 8)', async () => {
      const friday = '2026-11-27T16:30:00.000Z';
      clock.set(friday);
      try {
        const contact = aContactReceived({
          contactId: randomUUID(),
          receivedAt: friday,
          concern: aConcern({ immediateDanger: true }),
          consent: { status: 'not-sought', givenBy: null, reason: 'Immediate danger' },
        });
        await publishContact(contact);

        const screened = await screenedOf(contact.contactId);
        expect(screened).toMatchObject({
          rag: 'red',
          consent: { outcome: 'exception', exception: 'immediate-danger' },
          deadlines: { checksDueAt: '2026-11-27T20:30:00.000Z', decisionDueAt: '2026-11-27T20:30:00.000Z' },
        });
        expect(screened.alerts).toEqual([
          { kind: 'mash-manager', childIndex: null, to: null, dueAt: friday },
        ]);
        const checks = await published.waitFor(3, ofType(MessageTypes.CheckRequested, contact.contactId));
        for (const check of checks)
          expect(check.body).toMatchObject({
            rag: 'red',
            requestedAt: friday,
            dueAt: '2026-11-27T20:30:00.000Z',
          });
      } finally {
        clock.set(NOW);
      }
    });

    it('asks each agency about the people it needs: education the born children, police the adults too, health the unborn baby as well', async () => {
      const contact = aContactReceived({
        contactId: randomUUID(),
        receivedAt: NOW,
        children: [
          aChild({ givenName: 'Fay', familyName: 'Family', dateOfBirth: '2014-01-01' }),
          aChild({ givenName: 'Gus', familyName: 'Family', dateOfBirth: '2019-01-01' }),
          anUnbornChild({ familyName: 'Family' }),
        ],
        adults: [anAdult({ givenName: 'Hal' }), anAdult({ givenName: 'Ivy', relationship: 'Partner' })],
      });
      await publishContact(contact);

      const screened = await screenedOf(contact.contactId);
      expect(screened.children!.map((child) => child.childIndex)).toEqual([0, 1, 2]);
      expect(screened.subjects!.map((subject) => subject.subjectId)).toEqual([
        'child-0',
        'child-1',
        'child-2',
        'adult-0',
        'adult-1',
      ]);
      const checks = await published.waitFor(3, ofType(MessageTypes.CheckRequested, contact.contactId));
      const askedAbout = Object.fromEntries(
        checks.map((check) => {
          const body = check.body as unknown as CheckRequested;
          return [body.agency, body.subjects.map((subject) => subject.subjectId)];
        }),
      );
      expect(askedAbout).toEqual({
        police: ['child-0', 'child-1', 'adult-0', 'adult-1'],
        health: ['child-0', 'child-1', 'child-2', 'adult-0', 'adult-1'],
        education: ['child-0', 'child-1'],
      });
      for (const check of screened.checks) expect(check.subjectIds).toEqual(askedAbout[check.agency]);
    });
  });

  describe('redelivery', () => {
    it('screens a contact delivered twice under one message id once, with one check per agency', async () => {
      const contact = aContactReceived({ contactId: randomUUID() });
      const messageId = await publishContact(contact);
      await publishContact(contact, { messageId });

      await published.waitFor(3, ofType(MessageTypes.CheckRequested, contact.contactId));
      await pause(2_000);
      expect(published.messages.filter(ofType(MessageTypes.CheckRequested, contact.contactId))).toHaveLength(
        3,
      );
      expect(published.messages.filter(ofType(MessageTypes.ContactScreened, contact.contactId))).toHaveLength(
        1,
      );
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE correlation_id = $1 AND type = $2`, [
          contact.contactId,
          MessageTypes.ContactScreened,
        ]),
      ).toBe(1);
    });

    it('treats the same contact under a new message id as already screened: no second screening, no failure', async () => {
      const contact = aContactReceived({ contactId: randomUUID() });
      await publishContact(contact);
      await published.waitFor(3, ofType(MessageTypes.CheckRequested, contact.contactId));

      const secondId = await publishContact(contact);
      await eventually(
        async () =>
          (await count(`SELECT count(*)::int AS n FROM inbox WHERE message_id = $1`, [secondId])) === 1
            ? true
            : undefined,
        10_000,
        'the second delivery to be handled',
      );
      await pause(1_000);
      expect(
        await count(`SELECT count(*)::int AS n FROM screenings WHERE contact_id = $1`, [contact.contactId]),
      ).toBe(1);
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE correlation_id = $1`, [contact.contactId]),
      ).toBe(4);
      expect(published.messages.filter(about(contact.contactId))).toHaveLength(4);
      const dead = await broker.drain(DEAD_LETTERS);
      expect(dead.filter((message) => message.properties.messageId === secondId)).toHaveLength(0);
    });
  });

  describe('dead letters', () => {
    it('dead-letters a contact with an impossible date of birth, and one that is not JSON, at once, naming the field but not the child', async () => {
      const invalid = aContactReceived({
        contactId: randomUUID(),
        children: [aChild({ givenName: 'Zebedee', familyName: 'Quarrington', dateOfBirth: '2023-02-30' })],
      });
      const invalidId = await publishContact(invalid);
      const notJsonId = await publishContact(aContactReceived({ contactId: randomUUID() }), {
        raw: Buffer.from('{"contactId": '),
      });

      const dead: CapturedMessage[] = [];
      await eventually(async () => {
        dead.push(...(await broker.drain(DEAD_LETTERS)));
        const ids = dead.map((message) => message.properties.messageId);
        return ids.includes(invalidId) && ids.includes(notJsonId) ? true : undefined;
      });

      const invalidDead = dead.find((message) => message.properties.messageId === invalidId)!;
      const reason = String(invalidDead.properties.headers?.[WireHeaders.FailureReason]);
      expect(reason).toContain('children[0].dateOfBirth');
      expect(reason).not.toMatch(/Zebedee|Quarrington|2023-02-30/);
      expect(invalidDead.properties.headers?.[WireHeaders.Attempt]).toBeUndefined();

      const notJsonDead = dead.find((message) => message.properties.messageId === notJsonId)!;
      expect(String(notJsonDead.properties.headers?.[WireHeaders.FailureReason])).toContain('not valid JSON');
      expect(notJsonDead.properties.headers?.[WireHeaders.Attempt]).toBeUndefined();

      expect(
        await count(`SELECT count(*)::int AS n FROM screenings WHERE contact_id = $1`, [invalid.contactId]),
      ).toBe(0);
      expect(published.messages.filter(about(invalid.contactId))).toHaveLength(0);
    });
  });
});
