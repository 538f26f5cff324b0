import { randomUUID } from 'node:crypto';
import type { CheckRequested } from '@mash/contracts';
import { aCheckRequested, aCheckSubject } from '@mash/contracts/testing';
import { AppModule } from '../src/app.module';
import { HealthChecksConfig } from '../src/config';
import { AgencyNodeUnderTest, startAgencyNode } from '../../../test-support/agency-node';
import { eventually } from '../../../test-support/broker';

const NOW = '2026-11-20T10:15:00.000Z';

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

/** Every kind of health record, for the child and her father. */
const RECORDS = [
  aHealthRecord({
    facts: [
      fact({
        factId: 'MIA-GP',
        kind: 'gp-registration',
        date: '2019-08-01',
        summary: 'Registered with Mill Lane Surgery.',
        details: { practice: 'Mill Lane Surgery', odsCode: 'G83001', status: 'registered' },
      }),
      fact({
        factId: 'MIA-ED-1',
        kind: 'ed-attendance',
        severity: 'amber',
        summary: 'Attended with a burn to the hand; explanation consistent.',
        details: { site: 'Queen Mary’s Hospital', reason: 'injury', admitted: false },
      }),
      fact({
        factId: 'MIA-HV',
        kind: 'health-visiting',
        date: '2021-08-10',
        severity: 'amber',
        summary: 'Not brought to the 2-year review.',
        details: { contact: '2-2.5-year', outcome: 'not-brought' },
      }),
      fact({
        factId: 'MIA-CPIS',
        kind: 'child-protection-flag',
        date: '2025-02-01',
        severity: 'red',
        classification: 'mash-only',
        summary: 'Subject to a child protection plan in another authority.',
        details: { plan: 'child-protection-plan', responsibleAuthority: 'Kent County Council' },
      }),
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
        factId: 'RAVI-MH',
        kind: 'mental-health',
        severity: 'amber',
        summary: 'Open to the community mental health team.',
        details: { service: 'adult-community', status: 'open' },
      }),
      fact({
        factId: 'RAVI-MAT',
        kind: 'maternity',
        date: '2019-01-10',
        summary: 'Partner attended antenatal booking.',
        details: { stage: 'booking', expectedDueDate: '2019-07-10', missedAppointments: 0 },
      }),
    ],
  }),
];

describe('health-checks (real broker and database)', () => {
  let node: AgencyNodeUnderTest;

  beforeAll(async () => {
    // A health node that answers nothing by itself, not even no trace (the default).
    node = await startAgencyNode({
      agency: 'health',
      module: (config: HealthChecksConfig, clock) => AppModule.register(config, clock),
      config: HealthChecksConfig,
      now: NOW,
    });
  });

  afterAll(() => node?.close());

  const importRecords = (body: string, token = node.tokens.recordsAdmin) =>
    node
      .http()
      .post('/records/import')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(body);

  function aCheck(overrides: Partial<CheckRequested> = {}): CheckRequested {
    return aCheckRequested({
      checkId: randomUUID(),
      contactId: randomUUID(),
      agency: 'health',
      reference: 'MASH-20261120-000201',
      requestedAt: '2026-11-20T10:00:00.000Z',
      dueAt: '2026-11-20T17:00:00.000Z',
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
      ...overrides,
    });
  }

  async function received(check: CheckRequested) {
    await node.publishCheck(check);
    await eventually(
      async () => ((await node.count('checks', 'check_id = $1', [check.checkId])) ? true : undefined),
      10_000,
      'the check stored',
    );
  }

  const check = aCheck();

  it('imports GP registration, ED attendances, maternity, health visiting, mental health and the CP-IS flag with their own fields', async () => {
    await importRecords(ndjson(RECORDS)).expect(200, { imported: 2 });
    const { rows } = await node.db.query(
      `SELECT fact_id, kind, details FROM agency_facts WHERE fact_id IN ('MIA-CPIS', 'MIA-HV') ORDER BY fact_id`,
    );
    expect(rows).toEqual([
      {
        fact_id: 'MIA-CPIS',
        kind: 'child-protection-flag',
        details: { plan: 'child-protection-plan', responsibleAuthority: 'Kent County Council' },
      },
      {
        fact_id: 'MIA-HV',
        kind: 'health-visiting',
        details: { contact: '2-2.5-year', outcome: 'not-brought' },
      },
    ]);
  });

  it('refuses a bad line by number and field (a CP-IS flag without its plan, an ED attendance with a role), storing nothing from the file', async () => {
    const response = await importRecords(
      ndjson([
        aHealthRecord({ recordId: 'NHS-NEW', givenName: 'Nina' }),
        aHealthRecord({
          recordId: 'NHS-BAD',
          facts: [
            fact({
              factId: 'BAD-1',
              kind: 'child-protection-flag',
              details: { responsibleAuthority: 'Kent' },
            }),
            fact({
              factId: 'BAD-2',
              kind: 'ed-attendance',
              role: 'patient',
              details: { site: 'X', reason: 'injury', admitted: 'no' },
            }),
          ],
        }),
      ]),
    ).expect(400);
    expect(
      response.body.errors.map(({ line, field, rule }: Record<string, unknown>) => ({ line, field, rule })),
    ).toEqual([
      { line: 2, field: 'facts[0].details.plan', rule: 'isIn' },
      { line: 2, field: 'facts[1].role', rule: 'isEmpty' },
      { line: 2, field: 'facts[1].details.admitted', rule: 'isBoolean' },
    ]);
    expect(await node.count('agency_people', `record_id = 'NHS-NEW'`)).toBe(0);
  });

  it('with AUTO_NO_TRACE off, answers nothing by itself, not even no trace', async () => {
    const nobody = aCheck({
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          givenName: 'Zara',
          familyName: 'Unknown',
          dateOfBirth: '2018-01-01',
        }),
      ],
    });
    await received(nobody);
    await received(check);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(node.responded.messages).toEqual([]);
    const open = await node
      .http()
      .get('/checks?status=open')
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .expect(200);
    expect(open.body.map((entry: { checkId: string }) => entry.checkId).sort()).toEqual(
      [nobody.checkId, check.checkId].sort(),
    );
    expect(open.body[0]).toMatchObject({ timeLeftMinutes: 405, overdue: false });

    await node
      .respond(nobody.checkId, {
        rag: 'green',
        analysis: 'Health hold no records for the child.',
        noTrace: true,
        matchedRecordIds: [],
        items: [],
      })
      .expect(200);
    const [message] = await node.responded.waitFor(1, (m) => m.body.checkId === nobody.checkId);
    expect(message.body).toMatchObject({ noTrace: true, respondedBy: 'health-practitioner-1' });
    expect(node.signatureVerifies(message)).toBe(true);
  });

  it('a health practitioner confirms the child and father, answers in part while awaiting the GP, then completes', async () => {
    await node
      .review(check.checkId, [
        { subjectId: 'child-0', recordId: 'NHS-MIA', review: 'confirmed' },
        { subjectId: 'adult-0', recordId: 'NHS-RAVI', review: 'confirmed' },
      ])
      .expect(200);
    const detail = await node.check(check.checkId);
    expect(detail.candidates.map((candidate: { review: string }) => candidate.review)).toEqual([
      'confirmed',
      'confirmed',
    ]);
    const itemFor = (factId: string) =>
      detail.draft.items.find((item: { factId: string }) => item.factId === factId);
    expect(itemFor('MIA-HV').summary).toContain('Health visiting (2-2.5 year review, not brought)');
    expect(itemFor('MIA-CPIS').classification).toBe('mash-only');
    expect(detail.draft.analysis).toContain('child protection flag');

    await node
      .respond(check.checkId, {
        rag: 'amber',
        analysis: 'Mia was not brought to her 2-year review; her father is open to mental health services.',
        noTrace: false,
        matchedRecordIds: ['NHS-MIA'],
        items: [itemFor('MIA-HV')],
        partial: true,
        awaiting: [
          {
            what: 'GP records for the last year',
            from: 'Mill Lane Surgery safeguarding lead',
            since: '2026-11-20T10:10:00.000Z',
          },
        ],
      })
      .expect(200);
    // The CP-IS flag is mash-only: a practitioner cannot share it as shareable.
    const refused = await node
      .respond(check.checkId, {
        rag: 'red',
        analysis: 'Complete.',
        noTrace: false,
        matchedRecordIds: ['NHS-MIA', 'NHS-RAVI'],
        items: [{ ...itemFor('MIA-CPIS'), classification: 'shareable' }],
      })
      .expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'items[0].classification', rule: 'notLessSensitive' }),
    ]);
    const completion = (await node.check(check.checkId)).draft;
    await node
      .respond(check.checkId, {
        rag: 'red',
        analysis: `${completion.analysis} The GP reports no further concerns.`,
        noTrace: false,
        matchedRecordIds: completion.matchedRecordIds,
        items: completion.items,
      })
      .expect(200);
    const messages = await node.responded.waitFor(2, (m) => m.body.checkId === check.checkId);
    expect(messages.map((m) => m.body.partial ?? false)).toEqual([true, false]);
    expect(messages[1].body.matches.map((match) => match.recordId)).toEqual(['NHS-MIA', 'NHS-RAVI']);
    expect(messages[1].body.items.length).toBe(6);
    expect(await node.count('disclosures', 'check_id = $1', [check.checkId])).toBe(2);
    expect((await node.check(check.checkId)).status).toBe('responded');
  });

  it('lists checks and lets answer only a health practitioner', async () => {
    await node.http().get('/checks').set('Authorization', `Bearer ${node.tokens.otherAgency}`).expect(403);
    await node.http().get('/checks').expect(401);
    const fresh = aCheck();
    await received(fresh);
    const answer = { rag: 'green', analysis: 'x', noTrace: true, matchedRecordIds: [], items: [] };
    await node.respond(fresh.checkId, answer, node.tokens.otherAgency).expect(403);
    await node.respond(fresh.checkId, answer, node.tokens.operator).expect(403);
    await node
      .review(
        fresh.checkId,
        [{ subjectId: 'child-0', recordId: 'NHS-MIA', review: 'confirmed' }],
        node.tokens.operator,
      )
      .expect(403);
    expect(await node.count('check_responses', 'check_id = $1', [fresh.checkId])).toBe(0);
  });
});
