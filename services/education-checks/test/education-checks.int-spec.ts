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
import { EducationChecksConfig } from '../src/config';
import { adminAmqpUrl, adminPg, testServiceEnv } from '../../../test-support/env';
import { Capture, eventually, TestBroker } from '../../../test-support/broker';

const QUEUE = 'education-checks.check-requests';

function aPupil(overrides: Record<string, unknown> = {}) {
  return {
    recordId: 'UPN-LEO',
    givenName: 'Leo',
    familyName: 'Brown',
    otherNames: [],
    dateOfBirth: '2014-11-30',
    gender: 'male',
    address: { line1: '9 Park Road', town: 'Warwick', postcode: 'CV34 4AA' },
    upn: 'A12345678901B',
    facts: [] as object[],
    ...overrides,
  };
}

const fact = (overrides: Record<string, unknown>) => ({
  date: '2026-10-01',
  summary: 'Recorded by the school.',
  classification: 'shareable',
  severity: 'green',
  ...overrides,
});

const ndjson = (lines: object[]) => lines.map((line) => JSON.stringify(line)).join('\n') + '\n';

describe('education-checks (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let responded: Capture<CheckResponded>;
  const clock = new ManualClock(new Date('2026-11-20T10:15:00Z'));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await adminPg('education-checks');
    await db.query(
      'TRUNCATE agency_facts, agency_people, check_responses, check_candidates, checks, disclosures, outbox, inbox',
    );
    broker = await TestBroker.connect(adminAmqpUrl());
    await broker.purge(QUEUE, deadLetterQueueName(QUEUE));
    responded = await broker.capture<CheckResponded>('education-checks.events', 'check.responded');
    const config = loadConfig(EducationChecksConfig, testServiceEnv('education-checks'));
    app = await startService({
      service: 'education-checks',
      module: AppModule.register(config, clock),
      config,
      title: 'education-checks',
      description: '',
      listen: false,
    });
    tokens.education = await issueDevelopmentToken(
      { roles: ['agency-practitioner'], agency: 'education' },
      config.AUTH_DEV_SECRET!,
    );
    tokens.health = await issueDevelopmentToken(
      { roles: ['agency-practitioner'], agency: 'health' },
      config.AUTH_DEV_SECRET!,
    );
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  const http = () => request(app.getHttpServer());

  function aCheck(): CheckRequested {
    return aCheckRequested({
      checkId: randomUUID(),
      contactId: randomUUID(),
      agency: 'education',
      requestedAt: '2026-11-20T10:00:00.000Z',
      dueAt: '2026-11-21T10:00:00.000Z',
      concernCategories: ['domestic-abuse'],
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          role: 'child',
          givenName: 'leo',
          familyName: 'Brown',
          dateOfBirth: '2014-11-30',
        }),
      ],
    });
  }
  const publish = (check: CheckRequested, messageId?: string) =>
    broker.publish('triage.events', checkRequestedRoutingKey('education'), 'check.requested', check, {
      messageId,
    });

  it('imports education records, refusing a bad line by number and storing nothing from that file', async () => {
    const bad = await http()
      .post('/records/import')
      .set('Authorization', `Bearer ${tokens.education}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson([aPupil({ facts: [fact({ factId: 'X1', kind: 'school', severity: 'purple' })] })]))
      .expect(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ line: 1, field: 'facts[0].severity', rule: 'isIn' }),
    ]);

    await http()
      .post('/records/import')
      .set('Authorization', `Bearer ${tokens.education}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(
        ndjson([
          aPupil({
            facts: [
              fact({ factId: 'LEO-1', kind: 'school', date: '2021-09-01' }),
              fact({
                factId: 'LEO-2',
                kind: 'attendance',
                severity: 'amber',
                summary: 'Attendance 84% this term.',
              }),
              fact({
                factId: 'LEO-3',
                kind: 'operation-encompass',
                severity: 'red',
                classification: 'mash-only',
                summary: 'Police attended a domestic incident at home overnight.',
              }),
            ],
          }),
        ]),
      )
      .expect(200, { imported: 1 });
  });

  it('answers a check once, rated by its most serious fact, with mash-only items kept mash-only', async () => {
    const check = aCheck();
    const messageId = await publish(check);
    const [message] = await responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    expect(message.body).toMatchObject({
      agency: 'education',
      rag: 'red',
      noTrace: false,
      matches: [{ subjectId: 'child-0', recordId: 'UPN-LEO', confidence: 'match' }],
    });
    expect(message.body.items.map((item) => item.classification)).toEqual([
      'shareable',
      'mash-only',
      'shareable',
    ]);
    expect(message.body.analysis).toContain('Operation Encompass');

    await publish(check, messageId);
    await publish(check);
    await eventually(async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM inbox`);
      return rows[0].n === 2 ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(responded.messages.filter((m) => m.body.checkId === check.checkId)).toHaveLength(1);
  });

  it('lists checks for an education practitioner only', async () => {
    const list = await http()
      .get('/checks?status=responded')
      .set('Authorization', `Bearer ${tokens.education}`)
      .expect(200);
    expect(list.body).toHaveLength(1);
    await http().get('/checks').set('Authorization', `Bearer ${tokens.health}`).expect(403);
    await http().get('/checks').expect(401);
  });
});
