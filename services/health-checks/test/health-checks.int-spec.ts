import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import {
  checkRequestedRoutingKey,
  CheckRequested,
  CheckResponded,
  deadLetterQueueName,
} from '@mash/contracts';
import { aCheckRequested, aCheckSubject } from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { HealthChecksConfig } from '../src/config';
import { adminAmqpUrl, adminPg, testServiceEnv } from '../../../test-support/env';
import { Capture, eventually, TestBroker } from '../../../test-support/broker';

const QUEUE = 'health-checks.check-requests';

function aHealthRecord(overrides: Record<string, unknown> = {}) {
  return {
    recordId: 'NHS-MIA',
    givenName: 'Mia',
    familyName: 'Patel',
    otherNames: [],
    dateOfBirth: '2019-07-08',
    gender: 'female',
    address: { line1: '4 Mill Lane', town: 'Bexley', postcode: 'DA5 1AA' },
    nhsNumber: '9434765919',
    facts: [] as object[],
    ...overrides,
  };
}

const fact = (overrides: Record<string, unknown>) => ({
  date: '2026-08-01',
  summary: 'Seen at the emergency department.',
  classification: 'shareable',
  severity: 'green',
  ...overrides,
});

const ndjson = (lines: object[]) => lines.map((line) => JSON.stringify(line)).join('\n') + '\n';

describe('health-checks (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let responded: Capture<CheckResponded>;
  const clock = new ManualClock(new Date('2026-11-20T10:15:00Z'));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await adminPg('health-checks');
    await db.query(
      'TRUNCATE agency_facts, agency_people, check_responses, check_candidates, checks, disclosures, outbox, inbox',
    );
    broker = await TestBroker.connect(adminAmqpUrl());
    await broker.purge(QUEUE, deadLetterQueueName(QUEUE));
    responded = await broker.capture<CheckResponded>('health-checks.events', 'check.responded');
    const config = loadConfig(HealthChecksConfig, testServiceEnv('health-checks'));
    app = await startService({
      service: 'health-checks',
      module: AppModule.register(config, clock),
      config,
      title: 'health-checks',
      description: '',
      listen: false,
    });
    tokens.health = await issueDevelopmentToken(
      { roles: ['agency-practitioner'], agency: 'health' },
      config.AUTH_DEV_SECRET!,
    );
    tokens.police = await issueDevelopmentToken(
      { roles: ['agency-practitioner'], agency: 'police' },
      config.AUTH_DEV_SECRET!,
    );
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  const http = () => request(app.getHttpServer());
  const importRecords = (body: string, token = tokens.health) =>
    http()
      .post('/records/import')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(body);

  function aCheck(): CheckRequested {
    return aCheckRequested({
      checkId: randomUUID(),
      contactId: randomUUID(),
      agency: 'health',
      requestedAt: '2026-11-20T10:00:00.000Z',
      dueAt: '2026-11-21T10:00:00.000Z',
      concernCategories: ['parental-mental-health'],
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          role: 'child',
          givenName: 'Mia',
          familyName: 'PATEL',
          dateOfBirth: '2019-07-08',
        }),
        aCheckSubject({
          subjectId: 'adult-0',
          role: 'adult',
          givenName: 'Ravi',
          familyName: 'Patel',
          dateOfBirth: '1988-02-03',
          nhsNumber: null,
        }),
      ],
    });
  }
  const publish = (check: CheckRequested, messageId?: string) =>
    broker.publish('triage.events', checkRequestedRoutingKey('health'), 'check.requested', check, {
      messageId,
    });

  it('imports health records, and refuses a file with a bad line without storing any of it', async () => {
    const bad = await importRecords(
      ndjson([
        aHealthRecord({ recordId: 'NHS-NEW' }),
        aHealthRecord({
          recordId: 'NHS-BAD',
          nhsNumber: '12',
          facts: [fact({ factId: 'B1', kind: 'dentist' })],
        }),
      ]),
    ).expect(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'nhsNumber', rule: 'matches' }),
      expect.objectContaining({ line: 2, field: 'facts[0].kind', rule: 'isIn' }),
    ]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM agency_people');
    expect(rows[0].n).toBe(0);

    const good = await importRecords(
      ndjson([
        aHealthRecord({
          facts: [
            fact({ factId: 'MIA-1', kind: 'gp-registration', date: '2019-08-01' }),
            fact({ factId: 'MIA-2', kind: 'ed-attendance', severity: 'amber' }),
          ],
        }),
        aHealthRecord({
          recordId: 'NHS-RAVI',
          givenName: 'Ravi',
          dateOfBirth: '1988-02-03',
          gender: 'male',
          nhsNumber: null,
          facts: [
            fact({
              factId: 'RAVI-1',
              kind: 'mental-health',
              classification: 'mash-only',
              severity: 'amber',
              summary: 'Under the community mental health team.',
            }),
          ],
        }),
      ]),
    ).expect(200);
    expect(good.body).toEqual({ imported: 2 });
  });

  it('answers a check once with its matches and classified items, even when sent twice under different message ids', async () => {
    const check = aCheck();
    await publish(check);
    const [message] = await responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    expect(message.body).toMatchObject({
      agency: 'health',
      rag: 'amber',
      noTrace: false,
      respondedBy: 'automatic',
    });
    expect(message.body.matches).toEqual([
      { subjectId: 'child-0', recordId: 'NHS-MIA', confidence: 'match' },
      { subjectId: 'adult-0', recordId: 'NHS-RAVI', confidence: 'match' },
    ]);
    expect(message.body.items.map((item) => [item.recordId, item.classification])).toEqual([
      ['NHS-MIA', 'shareable'],
      ['NHS-MIA', 'shareable'],
      ['NHS-RAVI', 'mash-only'],
    ]);
    expect(message.body.analysis).toContain('known to mental health services');

    const again = await publish(check);
    await eventually(async () => {
      const { rows } = await db.query('SELECT 1 FROM inbox WHERE message_id = $1', [again]);
      return rows.length ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(responded.messages.filter((m) => m.body.checkId === check.checkId)).toHaveLength(1);
  });

  it('lists checks for a health practitioner only', async () => {
    const list = await http().get('/checks').set('Authorization', `Bearer ${tokens.health}`).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ agency: 'health', status: 'responded' })]);
    await http().get('/checks').set('Authorization', `Bearer ${tokens.police}`).expect(403);
    await http().get('/checks').expect(401);
  });
});
