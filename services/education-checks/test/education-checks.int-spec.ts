import { randomUUID } from 'node:crypto';
import type { CheckRequested } from '@mash/contracts';
import { aCheckRequested, aCheckSubject } from '@mash/contracts/testing';
import { AppModule } from '../src/app.module';
import { EducationChecksConfig } from '../src/config';
import { AgencyNodeUnderTest, startAgencyNode } from '../../../test-support/agency-node';
import { eventually } from '../../../test-support/broker';

const NOW = '2026-11-20T10:15:00.000Z';

function aPupil(overrides: Record<string, unknown> = {}) {
  return {
    recordId: 'UPN-LEO',
    givenName: 'Leo',
    familyName: 'Brown',
    otherNames: [],
    dateOfBirth: '2014-05-06',
    gender: 'male',
    upn: 'A123456789012',
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

/** A pupil with every kind of education record. */
const LEO = aPupil({
  facts: [
    fact({
      factId: 'LEO-SCHOOL',
      kind: 'school',
      date: '2021-09-01',
      summary: 'On roll at Hill Primary.',
      details: { setting: 'Hill Primary', urn: '100001', settingType: 'primary' },
    }),
    fact({
      factId: 'LEO-ATT',
      kind: 'attendance',
      severity: 'amber',
      summary: 'Persistent absence this term.',
      details: { academicYear: '2026/27', term: 'autumn', attendancePercent: 82.5, unauthorisedPercent: 11 },
    }),
    fact({
      factId: 'LEO-EXC',
      kind: 'exclusion',
      date: '2026-06-10',
      severity: 'amber',
      summary: 'Suspended for three days.',
      details: { type: 'suspension', reason: 'physical-assault-pupil', days: 3 },
    }),
    fact({
      factId: 'LEO-SEN',
      kind: 'sen',
      date: '2022-01-10',
      summary: 'SEN support for speech and language.',
      details: { primaryNeed: 'speech-language-communication' },
    }),
    fact({
      factId: 'LEO-EHCP',
      kind: 'ehcp',
      date: '2026-03-01',
      summary: 'EHC needs assessment under way.',
      details: { primaryNeed: 'social-emotional-mental-health', status: 'assessing' },
    }),
    fact({
      factId: 'LEO-CME',
      kind: 'missing-education',
      date: '2021-07-01',
      summary: 'Missing education for six weeks before moving to Hill Primary.',
      details: { status: 'closed', reason: 'moved-away' },
    }),
    fact({
      factId: 'LEO-OE',
      kind: 'operation-encompass',
      date: '2026-11-01',
      severity: 'red',
      classification: 'mash-only',
      summary: 'Police notified a domestic incident at home the night before.',
      details: { notifiedOn: '2026-11-02', childPresent: true },
    }),
  ],
});

describe('education-checks (real broker and database)', () => {
  let node: AgencyNodeUnderTest;

  beforeAll(async () => {
    node = await startAgencyNode({
      agency: 'education',
      module: (config: EducationChecksConfig, clock) => AppModule.register(config, clock),
      config: EducationChecksConfig,
      now: NOW,
      env: { AUTO_NO_TRACE: 'true' },
    });
  });

  afterAll(() => node?.close());

  const importRecords = (body: string) =>
    node
      .http()
      .post('/records/import')
      .set('Authorization', `Bearer ${node.tokens.recordsAdmin}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(body);

  function aCheck(overrides: Partial<CheckRequested> = {}): CheckRequested {
    return aCheckRequested({
      checkId: randomUUID(),
      contactId: randomUUID(),
      agency: 'education',
      reference: 'MASH-20261120-000301',
      requestedAt: '2026-11-20T09:00:00.000Z',
      dueAt: '2026-11-20T10:00:00.000Z',
      concernCategories: ['domestic-abuse'],
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          role: 'child',
          givenName: 'Leo',
          familyName: 'Brown',
          dateOfBirth: '2014-05-06',
        }),
      ],
      ...overrides,
    });
  }

  const check = aCheck();

  it('imports school, attendance, exclusions, SEN and EHCP, missing education and Operation Encompass with their own fields', async () => {
    await importRecords(ndjson([LEO])).expect(200, { imported: 1 });
    await importRecords(ndjson([LEO])).expect(200, { imported: 1 });
    expect(await node.count('agency_facts')).toBe(7);
    const { rows } = await node.db.query(`SELECT details FROM agency_facts WHERE fact_id = 'LEO-ATT'`);
    expect(rows[0].details).toEqual({
      academicYear: '2026/27',
      term: 'autumn',
      attendancePercent: 82.5,
      unauthorisedPercent: 11,
    });
  });

  it('refuses attendance over 100%, an exclusion of an unknown type and a UPN-less setting URN, by line and field, storing nothing', async () => {
    const response = await importRecords(
      ndjson([
        aPupil({ recordId: 'UPN-NEW', givenName: 'Nell' }),
        aPupil({
          recordId: 'UPN-BAD',
          facts: [
            fact({
              factId: 'BAD-1',
              kind: 'attendance',
              details: { academicYear: '2026', term: 'autumn', attendancePercent: 120 },
            }),
            fact({ factId: 'BAD-2', kind: 'exclusion', details: { type: 'expelled', reason: 'theft' } }),
            fact({
              factId: 'BAD-3',
              kind: 'school',
              details: { setting: 'X', urn: '12', settingType: 'primary' },
            }),
          ],
        }),
      ]),
    ).expect(400);
    expect(
      response.body.errors.map(({ line, field, rule }: Record<string, unknown>) => ({ line, field, rule })),
    ).toEqual([
      { line: 2, field: 'facts[0].details.academicYear', rule: 'matches' },
      { line: 2, field: 'facts[0].details.attendancePercent', rule: 'max' },
      { line: 2, field: 'facts[1].details.type', rule: 'isIn' },
      { line: 2, field: 'facts[2].details.urn', rule: 'matches' },
    ]);
    expect(await node.count('agency_people', `record_id = 'UPN-NEW'`)).toBe(0);
  });

  it('puts an overdue check first in the work list, and answers no trace by itself for a child it does not hold', async () => {
    await node.publishCheck(check);
    const unknown = aCheck({
      dueAt: '2026-11-20T16:00:00.000Z',
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          givenName: 'Zara',
          familyName: 'Unknown',
          dateOfBirth: '2018-01-01',
        }),
      ],
    });
    await node.publishCheck(unknown);
    const [noTrace] = await node.responded.waitFor(1, (m) => m.body.checkId === unknown.checkId);
    expect(noTrace.body).toMatchObject({ noTrace: true, respondedBy: 'automatic' });
    await eventually(
      async () => ((await node.count('checks', 'check_id = $1', [check.checkId])) ? true : undefined),
      10_000,
      'the check stored',
    );
    const open = await node
      .http()
      .get('/checks?status=open')
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .expect(200);
    expect(open.body).toEqual([
      expect.objectContaining({ checkId: check.checkId, overdue: true, timeLeftMinutes: -15 }),
    ]);
    expect(node.responded.messages.filter((m) => m.body.checkId === check.checkId)).toEqual([]);
  });

  it('an education practitioner confirms the pupil and shares what they choose, the Encompass notification mash-only', async () => {
    await node
      .review(check.checkId, [{ subjectId: 'child-0', recordId: 'UPN-LEO', review: 'confirmed' }])
      .expect(200);
    const detail = await node.check(check.checkId);
    const itemFor = (factId: string) =>
      detail.draft.items.find((item: { factId: string }) => item.factId === factId);
    expect(itemFor('LEO-ATT').summary).toContain('Attendance (82.5%)');
    expect(itemFor('LEO-OE')).toMatchObject({ classification: 'mash-only' });
    expect(detail.draft.analysis).toContain('Operation Encompass');

    await node
      .respond(check.checkId, {
        rag: 'red',
        analysis: 'Leo was present at a domestic incident this month and his attendance has fallen to 82.5%.',
        noTrace: false,
        matchedRecordIds: ['UPN-LEO'],
        items: [
          itemFor('LEO-ATT'),
          itemFor('LEO-OE'),
          { summary: 'The DSL has spoken with Leo.', classification: 'shareable' },
        ],
      })
      .expect(200);
    const [message] = await node.responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    expect(message.body.items.map((item) => [item.classification, item.recordId])).toEqual([
      ['shareable', 'UPN-LEO'],
      ['mash-only', 'UPN-LEO'],
      ['shareable', 'UPN-LEO'],
    ]);
    expect(JSON.stringify(message.body)).not.toMatch(/Suspended|EHC needs|Missing education/);
    expect(node.signatureVerifies(message)).toBe(true);
    const log = await node
      .http()
      .get(`/disclosures?checkId=${check.checkId}`)
      .set('Authorization', `Bearer ${node.tokens.auditor}`)
      .expect(200);
    expect(log.body).toEqual([
      expect.objectContaining({
        shareableItems: 2,
        mashOnlyItems: 1,
        recordIds: ['UPN-LEO'],
        partial: false,
      }),
    ]);
  });

  it('lets only an education practitioner see the list and answer', async () => {
    await node.http().get('/checks').set('Authorization', `Bearer ${node.tokens.otherAgency}`).expect(403);
    await node.http().get('/checks').set('Authorization', `Bearer ${node.tokens.decisionMaker}`).expect(403);
    await node.http().get('/checks').expect(401);
    await node.http().get('/checks').set('Authorization', `Bearer ${node.tokens.operator}`).expect(200);
    const answer = { rag: 'green', analysis: 'x', noTrace: true, matchedRecordIds: [], items: [] };
    await node.respond(check.checkId, answer, node.tokens.otherAgency).expect(403);
    await node.respond(check.checkId, answer, node.tokens.operator).expect(403);
  });
});
