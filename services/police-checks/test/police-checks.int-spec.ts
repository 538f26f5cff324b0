import { randomUUID } from 'node:crypto';
import { checkRequestedRoutingKey, CheckRequested, deadLetterQueueName, WireHeaders } from '@mash/contracts';
import { aCheckCancelled, aCheckRequested, aCheckSubject } from '@mash/contracts/testing';
import { issueDevelopmentToken } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { PoliceChecksConfig } from '../src/config';
import { AgencyNodeUnderTest, startAgencyNode } from '../../../test-support/agency-node';
import { eventually } from '../../../test-support/broker';
import { testServiceEnv } from '../../../test-support/env';

const QUEUE = 'police-checks.check-requests';
const NOW = '2026-11-20T10:15:00.000Z';

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
        details: {
          type: 'domestic-abuse',
          sensitivity: 'standard',
          dashRisk: 'medium',
          reference: 'CAD 1234',
        },
      }),
      aPoliceFact({
        factId: 'AMY-2',
        kind: 'crime',
        role: 'witness',
        date: '2025-04-01',
        severity: 'green',
        summary: 'Witnessed a theft.',
        details: { type: 'theft', sensitivity: 'standard', outcome: 'no-further-action' },
      }),
      // The export says shareable; police intelligence is mash-only whatever it says.
      aPoliceFact({
        factId: 'AMY-3',
        kind: 'intelligence',
        role: 'person-of-concern',
        summary: 'Neighbours report adults visiting late at night.',
        details: { type: 'child-criminal-exploitation', sensitivity: 'standard' },
      }),
      // A live investigation: sensitive, so mash-only whatever the line says.
      aPoliceFact({
        factId: 'AMY-4',
        kind: 'crime',
        role: 'victim',
        severity: 'red',
        summary: 'Live investigation; do not disclose outside the MASH.',
        details: { type: 'sexual-offence', sensitivity: 'sensitive' },
      }),
    ],
  }),
  aPoliceRecord({
    recordId: 'PNC-BETH',
    givenName: 'Beth',
    dateOfBirth: '1990-01-02',
    facts: [
      aPoliceFact({
        factId: 'BETH-1',
        kind: 'incident',
        role: 'suspect',
        summary: 'Arrested after a domestic incident.',
        details: { type: 'domestic-abuse', sensitivity: 'standard' },
      }),
    ],
  }),
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
        details: { type: 'robbery', sensitivity: 'standard' },
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
        details: { type: 'violence-against-the-person', sensitivity: 'standard' },
      }),
    ],
  }),
];

describe('police-checks (real broker and database)', () => {
  let node: AgencyNodeUnderTest;

  beforeAll(async () => {
    node = await startAgencyNode({
      agency: 'police',
      module: (config: PoliceChecksConfig, clock) => AppModule.register(config, clock),
      config: PoliceChecksConfig,
      now: NOW,
      env: { AUTO_NO_TRACE: 'true' },
    });
  });

  afterAll(() => node?.close());

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

  /** A check is stored (with its candidates) once its message has been handled. */
  async function received(check: CheckRequested): Promise<void> {
    await eventually(
      async () => ((await node.count('checks', 'check_id = $1', [check.checkId])) ? true : undefined),
      10_000,
      'the check stored',
    );
  }

  const answersTo = (checkId: string) => node.responded.messages.filter((m) => m.body.checkId === checkId);

  const household = aHouseholdCheck();
  const overdue = aHouseholdCheck({ reference: 'MASH-20261120-000100', dueAt: '2026-11-20T09:00:00.000Z' });
  const later = aHouseholdCheck({ reference: 'MASH-20261120-000102', dueAt: '2026-11-22T10:00:00.000Z' });

  it('imports incidents, crimes and intelligence with their type, role and sensitivity, idempotently by record id', async () => {
    const response = await node
      .http()
      .post('/records/import')
      .set('Authorization', `Bearer ${node.tokens.recordsAdmin}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson(RECORDS))
      .expect(200);
    expect(response.body).toEqual({ imported: 4 });
    // Importing the same file again changes nothing.
    await node
      .http()
      .post('/records/import')
      .set('Authorization', `Bearer ${node.tokens.recordsAdmin}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson(RECORDS))
      .expect(200);
    expect(await node.count('agency_people')).toBe(4);
    expect(await node.count('agency_facts')).toBe(7);
    const { rows } = await node.db.query(
      `SELECT fact_id, classification, details FROM agency_facts WHERE record_id = 'PNC-AMY' ORDER BY fact_id`,
    );
    expect(rows).toEqual([
      {
        fact_id: 'AMY-1',
        classification: 'shareable',
        details: {
          type: 'domestic-abuse',
          sensitivity: 'standard',
          dashRisk: 'medium',
          reference: 'CAD 1234',
        },
      },
      {
        fact_id: 'AMY-2',
        classification: 'shareable',
        details: { type: 'theft', sensitivity: 'standard', outcome: 'no-further-action' },
      },
      {
        fact_id: 'AMY-3',
        classification: 'mash-only',
        details: { type: 'child-criminal-exploitation', sensitivity: 'standard' },
      },
      {
        fact_id: 'AMY-4',
        classification: 'mash-only',
        details: { type: 'sexual-offence', sensitivity: 'sensitive' },
      },
    ]);
  });

  it("lets only police records administrators load police records: not a hub operator, a practitioner, or another agency's administrator", async () => {
    const before = await node.count('agency_people');
    const otherAdmin = await issueDevelopmentToken(
      { sub: 'health-records-admin-1', roles: ['agency-records-admin'], agency: 'health' },
      testServiceEnv('police-checks').AUTH_DEV_SECRET,
    );
    for (const token of [node.tokens.operator, node.tokens.practitioner, otherAdmin]) {
      await node
        .http()
        .post('/records/import')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/x-ndjson')
        .send(ndjson([aPoliceRecord({ recordId: 'PNC-INTRUDER', givenName: 'Ivy' })]))
        .expect(403);
    }
    expect(await node.count('agency_people')).toBe(before);
  });

  it('refuses an import whose police fields are wrong, naming each line and field, and stores nothing of it', async () => {
    const before = await node.count('agency_facts');
    const response = await node
      .http()
      .post('/records/import')
      .set('Authorization', `Bearer ${node.tokens.recordsAdmin}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(
        ndjson([
          aPoliceRecord({ recordId: 'PNC-NEW', givenName: 'Dora' }),
          aPoliceRecord({
            recordId: 'PNC-BAD',
            facts: [
              aPoliceFact({
                factId: 'BAD-1',
                kind: 'incident',
                role: 'victim',
                details: { type: 'parking', sensitivity: 'standard' },
              }),
            ],
          }),
          aPoliceRecord({
            recordId: 'PNC-BAD-2',
            facts: [aPoliceFact({ factId: 'BAD-2', kind: 'crime', details: { type: 'theft' } })],
          }),
          aPoliceRecord({
            recordId: 'PNC-BAD-3',
            facts: [aPoliceFact({ factId: 'BAD-3', kind: 'parking-ticket', role: 'victim' })],
          }),
        ]),
      )
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(
      response.body.errors.map(({ line, field, rule }: Record<string, unknown>) => ({ line, field, rule })),
    ).toEqual([
      { line: 2, field: 'facts[0].details.type', rule: 'isIn' },
      { line: 3, field: 'facts[0].role', rule: 'isDefined' },
      { line: 3, field: 'facts[0].details.sensitivity', rule: 'isIn' },
      { line: 4, field: 'facts[0].kind', rule: 'isIn' },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/Dora|parking/);
    expect(await node.count('agency_facts')).toBe(before);
    expect(await node.count('agency_people', `record_id = 'PNC-NEW'`)).toBe(0);
  });

  it('stores a check with the records found for its people and leaves it for a practitioner: nothing is shared by itself', async () => {
    for (const check of [household, overdue, later]) await node.publishCheck(check);
    for (const check of [household, overdue, later]) await received(check);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answersTo(household.checkId)).toEqual([]);
    const { rows } = await node.db.query(
      `SELECT subject_id, record_id, confidence, review FROM check_candidates
        WHERE check_id = $1 AND record_id IN ('PNC-AMY', 'PNC-BETH') ORDER BY subject_id DESC`,
      [household.checkId],
    );
    expect(rows).toEqual([
      { subject_id: 'child-0', record_id: 'PNC-AMY', confidence: 'match', review: 'pending' },
      { subject_id: 'adult-0', record_id: 'PNC-BETH', confidence: 'match', review: 'pending' },
    ]);
    expect(await node.count('checks', `check_id = $1 AND status = 'open'`, [household.checkId])).toBe(1);
  });

  it('lists open checks soonest due first with the time each has left by the node clock', async () => {
    const list = async () =>
      (
        await node
          .http()
          .get('/checks?status=open')
          .set('Authorization', `Bearer ${node.tokens.practitioner}`)
          .expect(200)
      ).body as Array<Record<string, any>>;
    const open = await list();
    expect(open.map((check) => check.reference)).toEqual([
      'MASH-20261120-000100',
      'MASH-20261120-000101',
      'MASH-20261120-000102',
    ]);
    expect(open[0]).toMatchObject({ overdue: true, timeLeftMinutes: -75 });
    expect(open[1]).toMatchObject({
      checkId: household.checkId,
      overdue: false,
      timeLeftMinutes: 23 * 60 + 45,
      subjectCount: 3,
      partialRespondedAt: null,
    });
    expect(open[1].candidatesToReview).toBeGreaterThanOrEqual(2);

    node.clock.advance(2 * 60 * 60 * 1000);
    try {
      expect((await list())[1].timeLeftMinutes).toBe(21 * 60 + 45);
    } finally {
      node.clock.set(NOW);
    }
    await node
      .http()
      .get('/checks?status=closed')
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .expect(400);
  });

  it('shows a check with its candidates, their score, reasons and review, the records with their police fields, and an empty draft', async () => {
    const detail = await node.check(household.checkId);
    expect(detail).toMatchObject({
      status: 'open',
      concernSummary: household.concernSummary,
      response: null,
      responses: [],
    });
    const amy = detail.candidates.find((candidate: { recordId: string }) => candidate.recordId === 'PNC-AMY');
    expect(amy).toMatchObject({
      subjectId: 'child-0',
      confidence: 'match',
      score: expect.any(Number),
      reasons: expect.any(Array),
      review: 'pending',
      reviewedBy: null,
    });
    expect(amy.reasons.length).toBeGreaterThan(0);
    expect(
      amy.record.facts.find((fact: { factId: string }) => fact.factId === 'AMY-1').details,
    ).toMatchObject({
      type: 'domestic-abuse',
      dashRisk: 'medium',
    });
    expect(detail.draft).toMatchObject({ noTrace: true, matchedRecordIds: [], items: [] });
    expect(detail.previousResponses).toEqual([]);
  });

  it("keeps a police check from other agencies' practitioners, other staff, a hub operator and anyone without a token; a hub operator sees the work list's ids and counts only", async () => {
    const forbidden = await node
      .http()
      .get('/checks')
      .set('Authorization', `Bearer ${node.tokens.otherAgency}`)
      .expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    await node
      .http()
      .get(`/checks/${household.checkId}`)
      .set('Authorization', `Bearer ${node.tokens.otherAgency}`)
      .expect(403);
    await node.http().get('/checks').set('Authorization', `Bearer ${node.tokens.decisionMaker}`).expect(403);
    await node.http().get('/checks').expect(401);
    await node.http().get(`/checks/${household.checkId}`).expect(401);

    // A hub operator is not an agency: no check, no candidate record, confirmed, rejected or pending.
    const operatorView = await node
      .http()
      .get(`/checks/${household.checkId}`)
      .set('Authorization', `Bearer ${node.tokens.operator}`)
      .expect(403);
    expect(JSON.stringify(operatorView.body)).not.toMatch(/Amy|PNC-/);
    const operatorList = await node
      .http()
      .get('/checks?status=open')
      .set('Authorization', `Bearer ${node.tokens.operator}`);
    expect(operatorList.status).toBe(200);
    const line = operatorList.body.find((check: { checkId: string }) => check.checkId === household.checkId);
    expect(line).toMatchObject({
      checkId: household.checkId,
      subjectCount: expect.any(Number),
      concernCategories: [],
    });
    expect(JSON.stringify(operatorList.body)).not.toMatch(/Amy|Beth|PNC-|visiting late|exploitation/);
    const practitionerList = await node
      .http()
      .get('/checks?status=open')
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .expect(200);
    expect(
      practitionerList.body.find((check: { checkId: string }) => check.checkId === household.checkId)
        .concernCategories.length,
    ).toBeGreaterThan(0);

    // Reviewing and answering are the agency's own practitioners' alone.
    const review = [{ subjectId: 'child-0', recordId: 'PNC-AMY', review: 'confirmed' as const }];
    await node.review(household.checkId, review, node.tokens.operator).expect(403);
    await node.review(household.checkId, review, node.tokens.otherAgency).expect(403);
    await node
      .http()
      .post(`/checks/${household.checkId}/candidates/review`)
      .send({ reviews: review })
      .expect(401);
    const answer = { rag: 'green', analysis: 'x', noTrace: true, matchedRecordIds: [], items: [] };
    await node.respond(household.checkId, answer, node.tokens.operator).expect(403);
    await node.respond(household.checkId, answer, node.tokens.otherAgency).expect(403);
    await node.respond(household.checkId, answer, node.tokens.decisionMaker).expect(403);
    await node.http().post(`/checks/${household.checkId}/response`).send(answer).expect(401);
    expect(
      await node.count('check_candidates', `check_id = $1 AND review <> 'pending'`, [household.checkId]),
    ).toBe(0);
    expect(await node.count('check_responses', 'check_id = $1', [household.checkId])).toBe(0);
  });

  it('lets a practitioner confirm and reject candidates, refusing a review of a record the node never proposed without storing any of it', async () => {
    // A possible match for the child, as a fuzzy rule would propose: the other Amy, a year apart.
    await node.db.query(
      `INSERT INTO check_candidates (check_id, subject_id, record_id, confidence, score, reasons, review)
       VALUES ($1, 'child-0', 'PNC-OTHER-AMY', 'possible-match', 0.8, '["names agree","date of birth: year differs"]', 'pending')
       ON CONFLICT DO NOTHING`,
      [household.checkId],
    );
    const refused = await node
      .review(household.checkId, [
        { subjectId: 'child-0', recordId: 'PNC-AMY', review: 'confirmed' },
        { subjectId: 'adult-0', recordId: 'PNC-AMY', review: 'confirmed' },
      ])
      .expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'reviews[1]', rule: 'isCandidate' }),
    ]);
    expect(
      await node.count('check_candidates', `check_id = $1 AND review <> 'pending'`, [household.checkId]),
    ).toBe(0);
    await node
      .review(household.checkId, [{ subjectId: 'child-0', recordId: 'PNC-AMY', review: 'maybe' } as never])
      .expect(400);

    const reviewed = await node
      .review(household.checkId, [
        { subjectId: 'child-0', recordId: 'PNC-AMY', review: 'confirmed' },
        { subjectId: 'adult-0', recordId: 'PNC-BETH', review: 'confirmed' },
        { subjectId: 'child-0', recordId: 'PNC-OTHER-AMY', review: 'rejected' },
      ])
      .expect(200);
    expect(reviewed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recordId: 'PNC-AMY',
          review: 'confirmed',
          reviewedBy: 'police-practitioner-1',
          reviewedAt: NOW,
        }),
        expect.objectContaining({
          recordId: 'PNC-OTHER-AMY',
          review: 'rejected',
          confidence: 'possible-match',
        }),
      ]),
    );
    const detail = await node.check(household.checkId);
    expect(detail.draft.matchedRecordIds).toEqual(['PNC-AMY', 'PNC-BETH']);
    expect(detail.draft.items.map((item: { factId: string }) => item.factId)).toEqual(
      expect.arrayContaining(['AMY-1', 'AMY-3', 'BETH-1']),
    );
    expect(JSON.stringify(detail.draft)).not.toContain('different Amy');
  });

  it('refuses an answer about a rejected record, a mash-only fact shared as shareable, or a malformed body, naming each field, and sends nothing', async () => {
    const refused = await node
      .respond(household.checkId, {
        rag: 'amber',
        analysis: 'x',
        noTrace: false,
        matchedRecordIds: ['PNC-AMY', 'PNC-OTHER-AMY'],
        items: [
          { summary: 'Intelligence', classification: 'shareable', factId: 'AMY-3', recordId: 'PNC-AMY' },
          { summary: 'Robbery', classification: 'shareable', recordId: 'PNC-CARL' },
        ],
      })
      .expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors.map(({ field, rule }: Record<string, string>) => ({ field, rule }))).toEqual([
      { field: 'matchedRecordIds[1]', rule: 'isConfirmedCandidate' },
      { field: 'items[0].classification', rule: 'notLessSensitive' },
      { field: 'items[1].recordId', rule: 'isMatchedRecord' },
    ]);
    const malformed = await node
      .respond(household.checkId, {
        rag: 'purple',
        analysis: '',
        noTrace: 'no',
        matchedRecordIds: 'PNC-AMY',
        items: [],
      })
      .expect(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['rag', 'analysis', 'noTrace', 'matchedRecordIds']),
    );
    await node
      .respond(randomUUID(), { rag: 'green', analysis: 'x', noTrace: true, matchedRecordIds: [], items: [] })
      .expect(404);
    expect(await node.count('check_responses', 'check_id = $1', [household.checkId])).toBe(0);
    expect(await node.count('disclosures', 'check_id = $1', [household.checkId])).toBe(0);
    expect(await node.count('outbox', `body->>'checkId' = $1`, [household.checkId])).toBe(0);
  });

  const awaiting = [
    {
      what: 'Custody records for the adults',
      from: 'Custody records unit (DS Patel)',
      since: '2026-11-20T10:05:00.000Z',
    },
  ];

  it('sends a partial answer with exactly what the practitioner chose, signed, logged as a disclosure, and keeps the check open', async () => {
    const detail = await node.check(household.checkId);
    const chosen = detail.draft.items.filter((item: { factId: string }) =>
      ['AMY-1', 'AMY-3'].includes(item.factId),
    );
    const sent = await node
      .respond(household.checkId, {
        rag: 'amber',
        analysis: 'The child was present at a domestic incident; custody records are awaited.',
        noTrace: false,
        matchedRecordIds: ['PNC-AMY'],
        items: chosen,
        partial: true,
        awaiting,
      })
      .expect(200);
    expect(sent.body).toMatchObject({ partial: true, awaiting, respondedBy: 'police-practitioner-1' });

    const [message] = await node.responded.waitFor(1, (m) => m.body.checkId === household.checkId);
    expect(message.body).toMatchObject({
      agency: 'police',
      rag: 'amber',
      noTrace: false,
      partial: true,
      awaiting,
      respondedBy: 'police-practitioner-1',
      respondedAt: NOW,
      matches: [{ subjectId: 'child-0', recordId: 'PNC-AMY', confidence: 'match' }],
    });
    expect(message.body.items.map((item) => [item.classification, item.recordId, item.subjectId])).toEqual([
      ['shareable', 'PNC-AMY', 'child-0'],
      ['mash-only', 'PNC-AMY', 'child-0'],
    ]);
    expect(message.body.items[0].summary).toContain('Incident (victim; domestic abuse)');
    // Beth was confirmed but not chosen: nothing of her went. Nor the fact ids the node keeps.
    expect(JSON.stringify(message.body)).not.toMatch(/PNC-BETH|Arrested|AMY-1|different Amy/);
    expect(node.signatureVerifies(message)).toBe(true);
    expect(
      node.signatureVerifies({
        ...message,
        content: Buffer.from(JSON.stringify({ ...message.body, rag: 'green' })),
      }),
    ).toBe(false);

    const { rows } = await node.db.query(
      `SELECT status, partial_responded_at FROM checks WHERE check_id = $1`,
      [household.checkId],
    );
    expect(rows).toEqual([{ status: 'open', partial_responded_at: new Date(NOW) }]);
    const disclosures = await node.db.query(
      `SELECT partial, shareable_items, mash_only_items, record_ids, responded_by, rag, no_trace FROM disclosures WHERE check_id = $1`,
      [household.checkId],
    );
    expect(disclosures.rows).toEqual([
      {
        partial: true,
        shareable_items: 1,
        mash_only_items: 1,
        record_ids: ['PNC-AMY'],
        responded_by: 'police-practitioner-1',
        rag: 'amber',
        no_trace: false,
      },
    ]);
  });

  it('completes the answer from where the partial one left off, and then takes no other answer nor review', async () => {
    node.clock.advance(3 * 60 * 60 * 1000);
    try {
      const detail = await node.check(household.checkId, node.tokens.otherPractitioner);
      expect(detail.partialRespondedAt).toBe(NOW);
      expect(detail.response).toMatchObject({ partial: true, awaiting });
      // Add to it, don't start again: the draft is the partial answer plus what it does not hold yet.
      expect(detail.draft.analysis).toBe(
        'The child was present at a domestic incident; custody records are awaited.',
      );
      expect(detail.draft.items.slice(0, 2).map((item: { factId: string }) => item.factId)).toEqual([
        'AMY-1',
        'AMY-3',
      ]);
      expect(detail.draft.items.map((item: { factId: string }) => item.factId)).toEqual(
        expect.arrayContaining(['AMY-2', 'AMY-4', 'BETH-1']),
      );
      const items = detail.draft.items.filter((item: { factId: string }) => item.factId !== 'AMY-2');
      await node
        .respond(
          household.checkId,
          {
            rag: 'red',
            analysis: 'Custody records show the mother was arrested after a domestic incident.',
            noTrace: false,
            matchedRecordIds: ['PNC-AMY', 'PNC-BETH'],
            items,
          },
          node.tokens.otherPractitioner,
        )
        .expect(200);
      const messages = await node.responded.waitFor(2, (m) => m.body.checkId === household.checkId);
      const complete = messages[1].body;
      expect(complete.partial).toBeUndefined();
      expect(complete).toMatchObject({
        rag: 'red',
        respondedBy: 'police-practitioner-2',
        respondedAt: '2026-11-20T13:15:00.000Z',
      });
      expect(complete.items).toHaveLength(items.length);
      expect(JSON.stringify(complete)).not.toContain('Witnessed a theft');
      expect(node.signatureVerifies(messages[1])).toBe(true);

      const after = await node.check(household.checkId);
      expect(after).toMatchObject({
        status: 'responded',
        respondedAt: '2026-11-20T13:15:00.000Z',
        draft: null,
      });
      expect(after.responses.map((answer: { partial: boolean }) => answer.partial)).toEqual([true, false]);
      expect(await node.count('disclosures', 'check_id = $1', [household.checkId])).toBe(2);

      const again = await node
        .respond(household.checkId, {
          rag: 'green',
          analysis: 'x',
          noTrace: true,
          matchedRecordIds: [],
          items: [],
        })
        .expect(409);
      expect(again.body.type).toContain('check-already-answered');
      await node
        .review(household.checkId, [{ subjectId: 'child-0', recordId: 'PNC-AMY', review: 'rejected' }])
        .expect(409);
      expect(await node.count('check_responses', 'check_id = $1', [household.checkId])).toBe(2);
    } finally {
      node.clock.set(NOW);
    }
  });

  it('shows what police said before about the same child when she is checked again (Northamptonshire 12)', async () => {
    const repeat = aHouseholdCheck({
      reference: 'MASH-20261120-000150',
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          role: 'child',
          givenName: 'Amy',
          familyName: 'Jones',
          dateOfBirth: '2016-03-04',
        }),
      ],
    });
    await node.publishCheck(repeat);
    await received(repeat);
    const detail = await node.check(repeat.checkId);
    expect(
      detail.previousResponses.map((answer: Record<string, unknown>) => [answer.reference, answer.partial]),
    ).toEqual([
      ['MASH-20261120-000101', false],
      ['MASH-20261120-000101', true],
    ]);
    expect(detail.previousResponses[0].linkedBy).toEqual(['same-person', 'same-record']);
    expect(detail.previousResponses[0].analysis).toContain('arrested');

    await node
      .review(repeat.checkId, [{ subjectId: 'child-0', recordId: 'PNC-AMY', review: 'confirmed' }])
      .expect(200);
    const draft = (await node.check(repeat.checkId)).draft;
    expect(draft.sharedBefore).toEqual(
      expect.arrayContaining([
        { factId: 'AMY-1', checkId: household.checkId, reference: 'MASH-20261120-000101', respondedAt: NOW },
      ]),
    );
    expect(draft.sharedBefore.map((shared: { factId: string }) => shared.factId)).not.toContain('AMY-2');
  });

  it('answers no trace by itself, once, for people police do not hold (AUTO_NO_TRACE=true), and logs it', async () => {
    const check = aHouseholdCheck({
      reference: 'MASH-20261120-000160',
      subjects: [
        aCheckSubject({
          subjectId: 'child-0',
          givenName: 'Zara',
          familyName: 'Unknown',
          dateOfBirth: '2018-01-01',
        }),
      ],
    });
    const messageId = await node.publishCheck(check);
    const [message] = await node.responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    expect(message.body).toMatchObject({
      noTrace: true,
      rag: 'green',
      matches: [],
      items: [],
      respondedBy: 'automatic',
    });
    expect(message.body.analysis).toBe('Police hold no records for the person in this request.');
    expect(node.signatureVerifies(message)).toBe(true);

    // The same request again, redelivered and under another message id, is answered once.
    await node.publishCheck(check, messageId);
    const otherMessageId = await node.publishCheck(check);
    await eventually(
      async () => ((await node.count('inbox', 'message_id = $1', [otherMessageId])) === 1 ? true : undefined),
      10_000,
      'the second request handled',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answersTo(check.checkId)).toHaveLength(1);
    expect(await node.count('check_responses', 'check_id = $1', [check.checkId])).toBe(1);
    expect(
      await node.count('disclosures', `check_id = $1 AND responded_by = 'automatic'`, [check.checkId]),
    ).toBe(1);
  });

  it('leaves a request with someone it could not search by date of birth for a practitioner, even when it found nobody', async () => {
    const check = aHouseholdCheck({
      reference: 'MASH-20261120-000170',
      subjects: [
        aCheckSubject({ subjectId: 'child-0', givenName: 'Yusuf', familyName: 'Unknown', dateOfBirth: null }),
      ],
    });
    await node.publishCheck(check);
    await received(check);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answersTo(check.checkId)).toEqual([]);
    // The practitioner searched and found nothing: a practitioner's no trace.
    await node
      .respond(check.checkId, {
        rag: 'green',
        analysis: 'Police hold no records for the child after a manual search.',
        noTrace: true,
        matchedRecordIds: [],
        items: [],
      })
      .expect(200);
    const [message] = await node.responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    expect(message.body).toMatchObject({ noTrace: true, respondedBy: 'police-practitioner-1' });
  });

  it('tells the practitioner when namesakes without a date of birth could not be told apart, naming no one', async () => {
    const namesake = (n: number, year: string) =>
      aPoliceRecord({
        recordId: `PNC-KHAN-${n}`,
        givenName: 'Mohammed',
        familyName: 'Khan',
        gender: 'male',
        dateOfBirth: `${year}-05-0${n}`,
        address: { line1: `${n} Mill Lane`, line2: null, town: 'Croydon', postcode: `CR${n} 9ZZ` },
      });
    await node
      .http()
      .post('/records/import')
      .set('Authorization', `Bearer ${node.tokens.recordsAdmin}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson([namesake(1, '1980'), namesake(2, '1985'), namesake(3, '1990')]))
      .expect(200);
    const check = aHouseholdCheck({
      reference: 'MASH-20261120-000175',
      subjects: [
        aCheckSubject({
          subjectId: 'adult-0',
          role: 'adult',
          givenName: 'Mohammed',
          familyName: 'Khan',
          gender: 'male',
          dateOfBirth: null,
          address: null,
        }),
      ],
    });
    await node.publishCheck(check);
    await received(check);
    const detail = await node.check(check.checkId);
    expect(detail.candidates).toEqual([]);
    expect(detail.searchNotes).toEqual([
      {
        subjectId: 'adult-0',
        namesakesNotReported: 3,
        note: expect.stringContaining('ask for a date of birth'),
      },
    ]);
    expect(JSON.stringify(detail.searchNotes)).not.toMatch(/Mohammed|Khan/);
    expect(detail.subjectsToSearchByHand).toBe(1);
    const listed = await node
      .http()
      .get('/checks?status=open')
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .expect(200);
    expect(listed.body.find((one: { checkId: string }) => one.checkId === check.checkId)).toMatchObject({
      candidatesToReview: 0,
      subjectsToSearchByHand: 1,
    });
    expect(answersTo(check.checkId)).toEqual([]);

    // The practitioner finds him by hand (the referrer gave his date of birth on the phone).
    await node
      .http()
      .post(`/checks/${check.checkId}/candidates`)
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .send({
        subjectId: 'adult-0',
        recordId: 'PNC-KHAN-2',
        reason: 'Date of birth confirmed by the referrer.',
      })
      .expect(201);
    expect(await node.check(check.checkId)).toMatchObject({
      subjectsToSearchByHand: 0,
      candidatesToReview: 0,
    });
  });

  it("dead-letters a request addressed to another agency, and answers nothing from police's records", async () => {
    const misrouted = aHouseholdCheck({ agency: 'health' });
    await node.broker.publish(
      'triage.events',
      checkRequestedRoutingKey('police'),
      'check.requested',
      misrouted,
    );
    const [dead] = await eventually(
      async () => {
        const drained = await node.broker.drain(deadLetterQueueName(QUEUE));
        return drained.length ? drained : undefined;
      },
      10_000,
      'the dead-lettered request',
    );
    const reason = String(dead.properties.headers?.[WireHeaders.FailureReason]);
    expect(reason).toContain(misrouted.checkId);
    expect(dead.properties.headers?.[WireHeaders.Attempt]).toBeUndefined();
    expect(reason).not.toContain('Jones');
    expect(await node.count('checks', 'check_id = $1', [misrouted.checkId])).toBe(0);
  });

  it('dead-letters, with the reason, a withdrawal that triage sends: only decision withdraws checks, whatever the type says', async () => {
    const check = aHouseholdCheck({ reference: 'MASH-20261120-000190' });
    await node.publishCheck(check);
    await eventually(
      async () => ((await node.count('checks', 'check_id = $1', [check.checkId])) ? true : undefined),
      10_000,
      'the check stored',
    );
    // triage may write triage.events, which is bound to this queue for check.requested.police.
    const forged = await node.broker.publish(
      'triage.events',
      checkRequestedRoutingKey('police'),
      'check.cancelled',
      aCheckCancelled({ checkId: check.checkId, contactId: check.contactId, agency: 'police' }),
    );
    const [dead] = await eventually(
      async () => {
        const drained = await node.broker.drain(deadLetterQueueName(QUEUE));
        return drained.length ? drained : undefined;
      },
      10_000,
      'the dead-lettered withdrawal',
    );
    expect(dead.properties.messageId).toBe(forged);
    expect(dead.properties.headers?.[WireHeaders.FailureReason]).toBe(
      'triage may not publish check.cancelled',
    );
    expect(dead.properties.headers?.[WireHeaders.Sender]).toBe('triage');
    const { rows } = await node.db.query('SELECT status FROM checks WHERE check_id = $1', [check.checkId]);
    expect(rows[0].status).toBe('open');
  });

  it('keeps the disclosure log, partial and complete answers alike, for auditors only, findable by check and by record', async () => {
    const log = await node
      .http()
      .get(`/disclosures?checkId=${household.checkId}`)
      .set('Authorization', `Bearer ${node.tokens.auditor}`)
      .expect(200);
    expect(log.body).toEqual([
      expect.objectContaining({
        checkId: household.checkId,
        sharedWith: 'mash',
        partial: false,
        recordIds: ['PNC-AMY', 'PNC-BETH'],
        respondedBy: 'police-practitioner-2',
        rag: 'red',
        responseId: expect.any(String),
      }),
      expect.objectContaining({
        partial: true,
        shareableItems: 1,
        mashOnlyItems: 1,
        respondedBy: 'police-practitioner-1',
      }),
    ]);
    const byRecord = await node
      .http()
      .get('/disclosures?recordId=PNC-BETH')
      .set('Authorization', `Bearer ${node.tokens.auditor}`)
      .expect(200);
    expect(
      byRecord.body.map((entry: { checkId: string; partial: boolean }) => [entry.checkId, entry.partial]),
    ).toEqual([[household.checkId, false]]);
    for (const token of [node.tokens.practitioner, node.tokens.hubAuditor, node.tokens.otherAgencyAuditor]) {
      await node.http().get('/disclosures').set('Authorization', `Bearer ${token}`).expect(403);
    }
    await node.http().get('/disclosures').expect(401);
    await expect(
      node.db.query(`DELETE FROM disclosures WHERE check_id = $1`, [household.checkId]),
    ).rejects.toThrow(/append-only/);
  });

  it('serves health, metrics counting answers and reviews by code, and its OpenAPI document with the practitioner endpoints', async () => {
    const health = await node.http().get('/health').expect(200);
    expect(health.body.checks).toEqual({ database: 'up', 'broker-publisher': 'up', 'broker-consumer': 'up' });
    const metrics = await node.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /mash_agency_checks_answered_total\{agency="police",rag="amber",trace="trace",responded_by="practitioner",answer="partial"\} 1/,
    );
    expect(metrics.text).toMatch(
      /mash_agency_checks_answered_total\{agency="police",rag="green",trace="no-trace",responded_by="automatic",answer="complete"\} [1-9]/,
    );
    expect(metrics.text).toMatch(
      /mash_agency_candidates_reviewed_total\{agency="police",review="rejected",confidence="possible-match"\} 1/,
    );
    const docs = await node.http().get('/docs').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/records/import',
        '/checks',
        '/checks/{checkId}',
        '/checks/{checkId}/candidates/review',
        '/checks/{checkId}/response',
        '/disclosures',
      ]),
    );
    const schemas = docs.body.components.schemas;
    expect(Object.keys(schemas.CheckResponseRequest.properties)).toEqual(
      expect.arrayContaining([
        'rag',
        'analysis',
        'noTrace',
        'matchedRecordIds',
        'items',
        'partial',
        'awaiting',
      ]),
    );
    expect(schemas.CheckSummaryResponse.properties).toHaveProperty('timeLeftMinutes');
    expect(schemas.CheckSubject.properties).toHaveProperty('dateOfBirth');
  });
});
