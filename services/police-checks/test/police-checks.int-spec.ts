import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import {
  checkRequestedRoutingKey,
  CheckRequested,
  CheckResponded,
  deadLetterQueueName,
  WireHeaders,
} from '@mash/contracts';
import { aCheckRequested, aCheckSubject } from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { PoliceChecksConfig } from '../src/config';
import { adminAmqpUrl, adminPg, testServiceEnv } from '../../../test-support/env';
import { Capture, eventually, TestBroker } from '../../../test-support/broker';

const QUEUE = 'police-checks.check-requests';

/** A person in the police export, one NDJSON line. */
function aPoliceRecord(overrides: Record<string, unknown> = {}) {
  return {
    recordId: 'PNC-AMY',
    givenName: 'Amy',
    familyName: 'Jones',
    otherNames: [],
    dateOfBirth: '2016-03-04',
    gender: 'female',
    address: { line1: '1 High St', line2: null, town: 'Croydon', postcode: 'CR0 1AA' },
    pncId: null,
    facts: [] as Record<string, unknown>[],
    ...overrides,
  };
}

function aPoliceFact(overrides: Record<string, unknown>) {
  return {
    date: '2026-09-01',
    summary: 'Attended the home address.',
    classification: 'shareable',
    severity: 'amber',
    ...overrides,
  };
}

const ndjson = (lines: object[]) => lines.map((line) => JSON.stringify(line)).join('\n') + '\n';

/** The household the tests ask about, and two people police hold who are not it. */
const RECORDS = [
  aPoliceRecord({
    facts: [
      aPoliceFact({
        factId: 'AMY-1',
        kind: 'incident',
        role: 'victim',
        summary: 'Child present at a domestic incident.',
      }),
      aPoliceFact({
        factId: 'AMY-2',
        kind: 'crime',
        role: 'witness',
        date: '2025-04-01',
        severity: 'green',
        summary: 'Witnessed a theft.',
      }),
      // The export says shareable; police intelligence is mash-only whatever it says.
      aPoliceFact({
        factId: 'AMY-3',
        kind: 'intelligence',
        role: 'person-of-concern',
        summary: 'Neighbours report adults visiting late at night.',
      }),
    ],
  }),
  aPoliceRecord({
    recordId: 'PNC-BETH',
    givenName: 'Beth',
    dateOfBirth: '1990-01-02',
    gender: 'female',
    facts: [
      aPoliceFact({
        factId: 'BETH-1',
        kind: 'crime',
        role: 'offender',
        severity: 'red',
        classification: 'mash-only',
        summary: 'Charged with assault, awaiting trial.',
      }),
    ],
  }),
  // Same names as the child, another date of birth: not her.
  aPoliceRecord({
    recordId: 'PNC-OTHER-AMY',
    dateOfBirth: '2015-03-04',
    facts: [
      aPoliceFact({
        factId: 'OTHER-1',
        kind: 'crime',
        role: 'suspect',
        severity: 'red',
        summary: 'A different Amy entirely.',
      }),
    ],
  }),
  aPoliceRecord({
    recordId: 'PNC-CARL',
    givenName: 'Carl',
    dateOfBirth: '1985-06-06',
    gender: 'male',
    facts: [
      aPoliceFact({
        factId: 'CARL-1',
        kind: 'crime',
        role: 'offender',
        severity: 'red',
        summary: 'Carl has no date of birth in the request.',
      }),
    ],
  }),
];

describe('police-checks (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let responded: Capture<CheckResponded>;
  let config: PoliceChecksConfig;
  const clock = new ManualClock(new Date('2026-11-20T10:15:00Z'));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await adminPg('police-checks');
    await db.query(
      'TRUNCATE agency_facts, agency_people, check_responses, check_candidates, checks, disclosures, outbox, inbox',
    );
    broker = await TestBroker.connect(adminAmqpUrl());
    await broker.purge(QUEUE, deadLetterQueueName(QUEUE));
    responded = await broker.capture<CheckResponded>('police-checks.events', 'check.responded');
    config = loadConfig(PoliceChecksConfig, testServiceEnv('police-checks'));
    app = await startService({
      service: 'police-checks',
      module: AppModule.register(config, clock),
      config,
      title: 'police-checks',
      description: '',
      listen: false,
    });
    const secret = config.AUTH_DEV_SECRET!;
    tokens.police = await issueDevelopmentToken({ roles: ['agency-practitioner'], agency: 'police' }, secret);
    tokens.health = await issueDevelopmentToken({ roles: ['agency-practitioner'], agency: 'health' }, secret);
    tokens.operator = await issueDevelopmentToken({ roles: ['hub-operator'] }, secret);
    tokens.auditor = await issueDevelopmentToken({ roles: ['auditor'] }, secret);
    tokens.decisionMaker = await issueDevelopmentToken({ roles: ['decision-maker'] }, secret);
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  const http = () => request(app.getHttpServer());

  /** Publishes as triage does: its events exchange, the agency's routing key. */
  function publishCheck(check: CheckRequested, messageId?: string) {
    return broker.publish('triage.events', checkRequestedRoutingKey(check.agency), 'check.requested', check, {
      messageId,
    });
  }

  function aHouseholdCheck(overrides: Partial<CheckRequested> = {}): CheckRequested {
    return aCheckRequested({
      checkId: randomUUID(),
      contactId: randomUUID(),
      reference: 'MASH-20261120-000101',
      agency: 'police',
      requestedAt: '2026-11-20T10:00:00.000Z',
      dueAt: '2026-11-21T10:00:00.000Z',
      concernCategories: ['domestic-abuse'],
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          role: 'child',
          givenName: 'AMY',
          familyName: ' jones',
          dateOfBirth: '2016-03-04',
          nhsNumber: null,
        }),
        aCheckSubject({
          subjectId: 'adult-0',
          role: 'adult',
          givenName: 'Beth',
          familyName: 'Jones',
          dateOfBirth: '1990-01-02',
          nhsNumber: null,
        }),
        aCheckSubject({
          subjectId: 'adult-1',
          role: 'adult',
          givenName: 'Carl',
          familyName: 'Jones',
          gender: 'male',
          dateOfBirth: null,
          nhsNumber: null,
        }),
      ],
      ...overrides,
    });
  }

  async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return rows[0].n as number;
  }

  const household = aHouseholdCheck();
  let answer: CheckResponded;

  it('imports police records as NDJSON for a hub operator, upserting by record id', async () => {
    const response = await http()
      .post('/records/import')
      .set('Authorization', `Bearer ${tokens.operator}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson(RECORDS))
      .expect(200);
    expect(response.body).toEqual({ imported: 4 });
    // Importing the same file again (this time as a police practitioner) changes nothing.
    await http()
      .post('/records/import')
      .set('Authorization', `Bearer ${tokens.police}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson(RECORDS))
      .expect(200);
    expect(await count('agency_people')).toBe(4);
    expect(await count('agency_facts')).toBe(6);
    const { rows } = await db.query(`SELECT classification FROM agency_facts WHERE fact_id = 'AMY-3'`);
    expect(rows[0].classification).toBe('mash-only');
  });

  it('answers a check automatically with the matched records only, each item classified, rated by the most serious fact', async () => {
    await publishCheck(household);
    const [message] = await responded.waitFor(1, (m) => m.body.checkId === household.checkId);
    answer = message.body;
    expect(message.properties).toMatchObject({ type: 'check.responded', correlationId: household.contactId });

    expect(answer).toMatchObject({
      agency: 'police',
      noTrace: false,
      rag: 'red',
      respondedBy: 'automatic',
      respondedAt: '2026-11-20T10:15:00.000Z',
    });
    expect(answer.matches).toEqual([
      { subjectId: 'child-0', recordId: 'PNC-AMY', confidence: 'match' },
      { subjectId: 'adult-0', recordId: 'PNC-BETH', confidence: 'match' },
    ]);
    const byRecord = answer.items.map((item) => [item.recordId, item.subjectId, item.classification]);
    expect(byRecord).toEqual(
      expect.arrayContaining([
        ['PNC-AMY', 'child-0', 'shareable'],
        ['PNC-AMY', 'child-0', 'shareable'],
        ['PNC-AMY', 'child-0', 'mash-only'],
        ['PNC-BETH', 'adult-0', 'mash-only'],
      ]),
    );
    expect(answer.items).toHaveLength(4);
    expect(answer.items.find((item) => item.summary.includes('visiting late'))?.classification).toBe(
      'mash-only',
    );

    // Nothing about the other Amy (other date of birth) nor Carl (asked about without a date of birth).
    const wire = JSON.stringify(answer);
    expect(wire).not.toContain('PNC-OTHER-AMY');
    expect(wire).not.toContain('different Amy');
    expect(wire).not.toContain('PNC-CARL');

    // The analysis speaks to the household in kinds and counts, never names.
    expect(answer.analysis).toContain('one mash-only intelligence item is held');
    expect(answer.analysis).not.toMatch(/Amy|Beth|Jones/);
    expect(answer.analysis).toContain('could not be searched automatically');
  });

  it('stores the request, the candidates, the answer and a disclosure record in its own database', async () => {
    const { rows } = await db.query(`SELECT status, responded_at FROM checks WHERE check_id = $1`, [
      household.checkId,
    ]);
    expect(rows).toEqual([{ status: 'responded', responded_at: new Date('2026-11-20T10:15:00Z') }]);
    // Two matches, and Carl (asked about without a date of birth) as a possible match for a practitioner.
    // The other Amy, a year out, is not kept beside Amy's exact match (matching: namesakes beside a match).
    expect(await count('check_candidates', 'check_id = $1', [household.checkId])).toBe(3);
    expect(
      await count('check_candidates', `check_id = $1 AND confidence = 'match'`, [household.checkId]),
    ).toBe(2);
    const disclosures = await db.query(
      `SELECT shared_with, shareable_items, mash_only_items, record_ids, responded_by FROM disclosures WHERE check_id = $1`,
      [household.checkId],
    );
    expect(disclosures.rows).toEqual([
      {
        shared_with: 'mash',
        shareable_items: 2,
        mash_only_items: 2,
        record_ids: ['PNC-AMY', 'PNC-BETH'],
        responded_by: 'automatic',
      },
    ]);
    // The disclosure log is append-only.
    await expect(
      db.query(`DELETE FROM disclosures WHERE check_id = $1`, [household.checkId]),
    ).rejects.toThrow(/append-only/);
  });

  it('answers the same request once, whether redelivered under its message id or sent again under another', async () => {
    const check = aHouseholdCheck();
    const messageId = await publishCheck(check);
    await responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    await publishCheck(check, messageId);
    const otherMessageId = await publishCheck(check);
    await eventually(
      async () => ((await count('inbox', 'message_id = $1', [otherMessageId])) === 1 ? true : undefined),
      10_000,
      'the second request handled',
    );
    await eventually(
      async () => {
        const metrics = await http().get('/metrics');
        return /mash_messages_consumed_total\{type="check.requested",result="duplicate"\} [1-9]/.test(
          metrics.text,
        )
          ? true
          : undefined;
      },
      10_000,
      'the redelivery seen as a duplicate',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(responded.messages.filter((m) => m.body.checkId === check.checkId)).toHaveLength(1);
    expect(await count('check_responses', 'check_id = $1', [check.checkId])).toBe(1);
    expect(await count('disclosures', 'check_id = $1', [check.checkId])).toBe(1);
    expect(await count('outbox', `body->>'checkId' = $1`, [check.checkId])).toBe(1);
  });

  it('answers no trace, green, with nothing shared, for people police do not hold', async () => {
    const check = aHouseholdCheck({
      dueAt: '2026-11-20T14:00:00.000Z',
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          givenName: 'Zara',
          familyName: 'Unknown',
          dateOfBirth: '2018-01-01',
        }),
      ],
    });
    await publishCheck(check);
    const [message] = await responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    expect(message.body).toMatchObject({ noTrace: true, rag: 'green', matches: [], items: [] });
    expect(message.body.analysis).toBe('Police hold no records for the person in this request.');
  });

  it("dead-letters a request addressed to another agency, and answers nothing from police's records", async () => {
    const misrouted = aHouseholdCheck({ agency: 'health' });
    await broker.publish('triage.events', checkRequestedRoutingKey('police'), 'check.requested', misrouted);
    const [dead] = await eventually(
      async () => {
        const drained = await broker.drain(deadLetterQueueName(QUEUE));
        return drained.length ? drained : undefined;
      },
      10_000,
      'the dead-lettered request',
    );
    const reason = String(dead.properties.headers?.[WireHeaders.FailureReason]);
    expect(reason).toContain(misrouted.checkId);
    // Dead-lettered at once: retrying a misrouted request cannot help.
    expect(dead.properties.headers?.[WireHeaders.Attempt]).toBeUndefined();
    expect(reason).not.toContain('Jones');
    expect(await count('checks', 'check_id = $1', [misrouted.checkId])).toBe(0);
    expect(responded.messages.some((m) => m.body.checkId === misrouted.checkId)).toBe(false);
  });

  it("lists this agency's checks, soonest due first, for its practitioners", async () => {
    const response = await http()
      .get('/checks?status=responded')
      .set('Authorization', `Bearer ${tokens.police}`)
      .expect(200);
    const dueDates = response.body.map((check: { dueAt: string | null }) => check.dueAt);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(response.body[0]).toMatchObject({ dueAt: '2026-11-20T14:00:00.000Z', status: 'responded' });
    expect(response.body.map((check: { checkId: string }) => check.checkId)).toContain(household.checkId);
    expect(
      response.body.find((check: { checkId: string }) => check.checkId === household.checkId),
    ).toMatchObject({
      reference: 'MASH-20261120-000101',
      agency: 'police',
      subjectCount: 3,
      respondedAt: '2026-11-20T10:15:00.000Z',
    });
    const open = await http()
      .get('/checks?status=open')
      .set('Authorization', `Bearer ${tokens.operator}`)
      .expect(200);
    expect(open.body).toEqual([]);
    await http().get('/checks?status=closed').set('Authorization', `Bearer ${tokens.police}`).expect(400);
  });

  it("refuses the check list to another agency's practitioner (403), other MASH staff (403) and anyone without a token (401)", async () => {
    const forbidden = await http().get('/checks').set('Authorization', `Bearer ${tokens.health}`).expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    await http()
      .get(`/checks/${household.checkId}`)
      .set('Authorization', `Bearer ${tokens.health}`)
      .expect(403);
    await http().get('/checks').set('Authorization', `Bearer ${tokens.decisionMaker}`).expect(403);
    await http().get('/checks').expect(401);
    await http()
      .post('/records/import')
      .set('Authorization', `Bearer ${tokens.health}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson(RECORDS))
      .expect(403);
  });

  it('shows one check with its request, subjects, matched records and answer; mash-only text only to police', async () => {
    const response = await http()
      .get(`/checks/${household.checkId}`)
      .set('Authorization', `Bearer ${tokens.police}`)
      .expect(200);
    expect(response.body).toMatchObject({
      checkId: household.checkId,
      status: 'responded',
      concernSummary: household.concernSummary,
    });
    expect(response.body.subjects.map((subject: { subjectId: string }) => subject.subjectId)).toEqual([
      'child-0',
      'adult-0',
      'adult-1',
    ]);
    expect(response.body.candidates.map((candidate: { recordId: string }) => candidate.recordId)).toEqual([
      'PNC-AMY',
      'PNC-BETH',
      'PNC-CARL',
    ]);
    expect(response.body.candidates[0].record.facts).toHaveLength(3);
    expect(response.body.response).toMatchObject({
      rag: 'red',
      analysis: answer.analysis,
      items: expect.any(Array),
    });
    expect(JSON.stringify(response.body)).toContain('visiting late');

    const operatorView = await http()
      .get(`/checks/${household.checkId}`)
      .set('Authorization', `Bearer ${tokens.operator}`)
      .expect(200);
    expect(JSON.stringify(operatorView.body)).not.toContain('visiting late');
    expect(
      operatorView.body.response.items.filter((item: { withheld?: boolean }) => item.withheld),
    ).toHaveLength(2);

    const missing = await http()
      .get(`/checks/${randomUUID()}`)
      .set('Authorization', `Bearer ${tokens.police}`)
      .expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    await http().get('/checks/not-a-check').set('Authorization', `Bearer ${tokens.police}`).expect(404);
  });

  it('keeps the disclosure log for auditors only', async () => {
    const log = await http()
      .get(`/disclosures?checkId=${household.checkId}`)
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .expect(200);
    expect(log.body).toEqual([
      expect.objectContaining({
        checkId: household.checkId,
        sharedWith: 'mash',
        shareableItems: 2,
        mashOnlyItems: 2,
        respondedBy: 'automatic',
      }),
    ]);
    await http().get('/disclosures').set('Authorization', `Bearer ${tokens.police}`).expect(403);
  });

  it('refuses an import with a bad line, naming the line, field and rule, and stores nothing from it', async () => {
    const before = await count('agency_people');
    const response = await http()
      .post('/records/import')
      .set('Authorization', `Bearer ${tokens.operator}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(
        ndjson([
          aPoliceRecord({ recordId: 'PNC-NEW', givenName: 'Dora' }),
          aPoliceRecord({
            recordId: 'PNC-BAD',
            facts: [aPoliceFact({ factId: 'BAD-1', kind: 'parking-ticket', role: 'victim' })],
          }),
          aPoliceRecord({ recordId: 'PNC-BAD-2', facts: [aPoliceFact({ factId: 'BAD-2', kind: 'crime' })] }),
        ]),
      )
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'facts[0].kind', rule: 'isIn' }),
      expect.objectContaining({ line: 3, field: 'facts[0].role', rule: 'isDefined' }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain('Dora');
    expect(await count('agency_people')).toBe(before);
    expect(await count('agency_people', `record_id = 'PNC-NEW'`)).toBe(0);
  });

  it('serves health, metrics with its answers counted by code, and its OpenAPI document', async () => {
    const health = await http().get('/health').expect(200);
    expect(health.body.checks).toEqual({ database: 'up', 'broker-publisher': 'up', 'broker-consumer': 'up' });
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /mash_agency_checks_answered_total\{agency="police",rag="red",trace="trace",responded_by="automatic"\} [1-9]/,
    );
    const docs = await http().get('/docs').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/records/import', '/checks', '/checks/{checkId}', '/disclosures']),
    );
    expect(docs.body.components.schemas.CheckSubject.properties).toHaveProperty('dateOfBirth');
  });
});
