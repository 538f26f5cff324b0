import { Logger } from '@nestjs/common';
import type { CheckRequested } from '@mash/contracts';
import { aCheckSubject } from '@mash/contracts/testing';
import { recordSearchQuery, recordSearchTerms } from '../src/records/record-search';
import { aRecordLine } from '../src/testing/factories';
import type { AgencyNodeUnderTest } from '../../../test-support/agency-node';
import { importRecords, receiveCheck, startTestNode } from './test-node';

/**
 * A practitioner finds a person the matcher did not propose, by their own search of the agency's
 * records, adds the record as a candidate and shares it, against the real database and broker.
 */
const NOW = '2026-11-20T12:00:00.000Z';
const SIOBHAN = {
  recordId: 'SRCH-SIOBHAN',
  givenName: 'Siobhan',
  familyName: 'MacDermott',
  dateOfBirth: '2014-06-21',
  gender: 'female',
  address: { line1: '9 Quarry Lane', line2: null, town: 'Croydon', postcode: 'CR7 6QL' },
  pncId: '2002/0034567X',
};
const SEAN = {
  recordId: 'SRCH-SEAN',
  givenName: 'Sean',
  familyName: 'MacDermott',
  dateOfBirth: '1983-02-11',
  gender: 'male',
  address: SIOBHAN.address,
};
/** Twenty-five people sharing a family name, more than one search shows. */
const PEMBERTONS = Array.from({ length: 25 }, (_, index) => ({
  recordId: `SRCH-PEMBERTON-${String(index).padStart(2, '0')}`,
  givenName: ['Ann', 'Ben', 'Cal', 'Dee', 'Eve'][index % 5],
  familyName: 'Pemberton',
  dateOfBirth: `19${60 + index}-01-15`,
  gender: 'female',
  address: null,
}));
/** How the referrer wrote Siobhan: another spelling of both names and a wrong date of birth. */
const AS_REFERRED = {
  subjectId: 'child-0',
  role: 'child' as const,
  givenName: 'Chevonne',
  familyName: 'McDermid',
  dateOfBirth: '2015-02-10',
  gender: 'female' as const,
  address: SIOBHAN.address,
  nhsNumber: null,
};
const REASON = 'Known to the neighbourhood team at this address under this spelling';

describe("a practitioner's own search and the records they add (real broker and database)", () => {
  let node: AgencyNodeUnderTest;
  let check: CheckRequested;

  const search = (checkId: string, q: string | null, token = node.tokens.practitioner) => {
    const call = node.http().get(`/checks/${checkId}/record-search`).set('Authorization', `Bearer ${token}`);
    return q === null ? call : call.query({ q });
  };
  const add = (checkId: string, body: object, token = node.tokens.practitioner) =>
    node.http().post(`/checks/${checkId}/candidates`).set('Authorization', `Bearer ${token}`).send(body);
  const foundIds = (response: { body: { records: Array<{ recordId: string }> } }) =>
    response.body.records.map((record) => record.recordId);
  const answersTo = (checkId: string) => node.responded.messages.filter((m) => m.body.checkId === checkId);
  const aCheckAsReferred = () =>
    receiveCheck(node, {
      subjects: [
        AS_REFERRED,
        aCheckSubject({
          subjectId: 'adult-0',
          role: 'adult',
          givenName: 'Jordan',
          dateOfBirth: '1988-11-02',
          nhsNumber: null,
        }),
      ],
    });

  beforeAll(async () => {
    node = await startTestNode(NOW);
    await importRecords(
      node,
      [SIOBHAN, SEAN, ...PEMBERTONS].map((person) => aRecordLine({ ...person, otherNames: [] })),
    );
    check = await aCheckAsReferred();
  });

  afterAll(() => node?.close());

  it('leaves the person spelt another way, with another date of birth, unproposed by the matcher', async () => {
    expect((await node.check(check.checkId)).candidates).toEqual([]);
  });

  it('finds a record by its id exactly, by a PNC id however written, and by a misspelt name in any case, closest first', async () => {
    const byId = await search(check.checkId, 'SRCH-SIOBHAN').expect(200);
    expect(byId.body).toEqual({
      records: [
        {
          recordId: 'SRCH-SIOBHAN',
          givenName: 'Siobhan',
          familyName: 'MacDermott',
          otherNames: [],
          dateOfBirth: '2014-06-21',
          gender: 'female',
          address: SIOBHAN.address,
          nhsNumber: null,
          upn: null,
          pncId: '2002/0034567X',
          matchedBy: 'record-id',
          similarity: 1,
          candidateFor: [],
        },
      ],
      more: false,
    });
    // A record id is exact; written in lower case it is only a name like hers.
    const lowerCase = await search(check.checkId, 'srch-siobhan').expect(200);
    expect(lowerCase.body.records.map((record: { matchedBy: string }) => record.matchedBy)).not.toContain(
      'record-id',
    );

    const byPnc = await search(check.checkId, '02/34567x').expect(200);
    expect(byPnc.body.records).toEqual([
      expect.objectContaining({ recordId: 'SRCH-SIOBHAN', matchedBy: 'identifier' }),
    ]);

    const byName = await search(check.checkId, 'SIOBHAN MCDERMOT').expect(200);
    expect(foundIds(byName)[0]).toBe('SRCH-SIOBHAN');
    expect(byName.body.records[0]).toMatchObject({ matchedBy: 'name', similarity: expect.any(Number) });

    const byFamilyName = await search(check.checkId, 'macdermott').expect(200);
    expect(foundIds(byFamilyName).sort()).toEqual(['SRCH-SEAN', 'SRCH-SIOBHAN']);

    expect((await search(check.checkId, 'Zebedee Quartermaine').expect(200)).body).toEqual({
      records: [],
      more: false,
    });
  });

  it('shows at most twenty records and says there are more', async () => {
    const response = await search(check.checkId, 'Pemberton').expect(200);
    expect(response.body.records).toHaveLength(20);
    expect(response.body.more).toBe(true);
    expect(new Set(foundIds(response)).size).toBe(20);
  });

  it('answers the name and identifier searches from their indexes, not by reading the whole table', async () => {
    const plan = async (q: string) => {
      await node.db.query('BEGIN');
      try {
        // On a table this small a full read is cheapest; forbidding it shows the indexes can answer.
        await node.db.query('SET LOCAL enable_seqscan = off');
        const { sql, parameters } = recordSearchQuery(recordSearchTerms(q));
        const { rows } = await node.db.query(`EXPLAIN ${sql}`, parameters);
        return rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
      } finally {
        await node.db.query('ROLLBACK');
      }
    };
    const byName = await plan('siobhan mcdermot');
    expect(byName).toContain('agency_people_search_name_trgm');
    expect(byName).not.toContain('Seq Scan');
    const byPnc = await plan('02/34567x');
    expect(byPnc).toContain('agency_people_search_keys');
    expect(byPnc).not.toContain('Seq Scan');
  });

  it("lets only this agency's practitioners search, a check that exists, with a query of two characters or more", async () => {
    await search(check.checkId, 'macdermott', node.tokens.operator).expect(403);
    await search(check.checkId, 'macdermott', node.tokens.otherAgency).expect(403);
    await node.http().get(`/checks/${check.checkId}/record-search?q=macdermott`).expect(401);
    await search('5f0c4c1e-0000-4000-8000-000000000000', 'macdermott').expect(404);
    const tooShort = await search(check.checkId, ' s ').expect(400);
    expect(tooShort.body.errors).toEqual([expect.objectContaining({ field: 'q', rule: 'minLength' })]);
    const missing = await search(check.checkId, null).expect(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toContain('q');
  });

  it('adds a found record as a candidate confirmed by the practitioner: a possible match, scored as the matcher scores it, with their reason', async () => {
    const added = await add(check.checkId, {
      subjectId: 'child-0',
      recordId: 'SRCH-SIOBHAN',
      reason: REASON,
    }).expect(201);
    expect(added.body).toEqual({
      subjectId: 'child-0',
      recordId: 'SRCH-SIOBHAN',
      confidence: 'possible-match',
      score: expect.any(Number),
      reasons: expect.arrayContaining([
        'added by a practitioner from their own search of the records',
        REASON,
        'date of birth differs',
      ]),
      review: 'confirmed',
      reviewedBy: 'police-practitioner-1',
      reviewedAt: NOW,
      origin: 'practitioner',
    });
    expect(added.body.score).toBeLessThan(0.5);

    const detail = await node.check(check.checkId);
    expect(detail.candidates).toEqual([
      expect.objectContaining({
        subjectId: 'child-0',
        recordId: 'SRCH-SIOBHAN',
        review: 'confirmed',
        origin: 'practitioner',
        record: expect.objectContaining({ recordId: 'SRCH-SIOBHAN', facts: [expect.any(Object)] }),
      }),
    ]);
    expect(detail.candidatesToReview).toBe(0);
    // The draft already offers the added record's facts.
    expect(detail.draft.items).toEqual([
      expect.objectContaining({ recordId: 'SRCH-SIOBHAN', subjectId: 'child-0' }),
    ]);
    const again = await search(check.checkId, 'macdermott').expect(200);
    expect(
      again.body.records.find((record: { recordId: string }) => record.recordId === 'SRCH-SIOBHAN')
        .candidateFor,
    ).toEqual(['child-0']);
    const metrics = await node.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/mash_agency_candidates_added_total\{agency="police"\} 1/);
  });

  it('refuses a subject not of the check or a record the agency does not hold (422 naming the field), and a pair already a candidate (409), storing nothing', async () => {
    const notASubject = await add(check.checkId, {
      subjectId: 'child-4',
      recordId: 'SRCH-SEAN',
      reason: REASON,
    }).expect(422);
    expect(notASubject.body.errors).toEqual([
      expect.objectContaining({ field: 'subjectId', rule: 'isSubjectOfCheck' }),
    ]);
    const noSuchRecord = await add(check.checkId, {
      subjectId: 'adult-0',
      recordId: 'SRCH-NOBODY',
      reason: REASON,
    }).expect(422);
    expect(noSuchRecord.body.errors).toEqual([
      expect.objectContaining({ field: 'recordId', rule: 'isAgencyRecord' }),
    ]);
    const twice = await add(check.checkId, {
      subjectId: 'child-0',
      recordId: 'SRCH-SIOBHAN',
      reason: REASON,
    }).expect(409);
    expect(twice.body.type).toMatch(/already-a-candidate$/);
    const blank = await add(check.checkId, {
      subjectId: 'adult-0',
      recordId: 'SRCH-SEAN',
      reason: '  ',
    }).expect(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    for (const problem of [notASubject, noSuchRecord, twice, blank])
      expect(JSON.stringify(problem.body)).not.toMatch(/MacDermott|Siobhan|neighbourhood/i);
    expect(await node.count('check_candidates', 'check_id = $1', [check.checkId])).toBe(1);
  });

  it("lets only this agency's practitioners add a record", async () => {
    const body = { subjectId: 'adult-0', recordId: 'SRCH-SEAN', reason: REASON };
    await add(check.checkId, body, node.tokens.operator).expect(403);
    await add(check.checkId, body, node.tokens.otherAgency).expect(403);
    await node.http().post(`/checks/${check.checkId}/candidates`).send(body).expect(401);
    await add('5f0c4c1e-0000-4000-8000-000000000000', body).expect(404);
    expect(await node.count('check_candidates', 'check_id = $1', [check.checkId])).toBe(1);
  });

  it('shares a person the matcher missed: found, added and answered, the match on the broker, and one answer for a request repeated with its Idempotency-Key; no name in any log', async () => {
    const logged: string[] = [];
    const spies = (['log', 'warn', 'error', 'debug', 'verbose'] as const).map((level) =>
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...args: unknown[]) {
        logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      }),
    );
    try {
      const missed = await aCheckAsReferred();
      expect((await node.check(missed.checkId)).candidates).toEqual([]);

      const found = await search(missed.checkId, 'Siobhan MacDermot').expect(200);
      expect(foundIds(found)[0]).toBe('SRCH-SIOBHAN');
      await add(missed.checkId, { subjectId: 'child-0', recordId: 'SRCH-SIOBHAN', reason: REASON }).expect(
        201,
      );

      const { draft } = await node.check(missed.checkId);
      const answer = {
        rag: 'amber',
        analysis: draft.analysis,
        noTrace: false,
        matchedRecordIds: ['SRCH-SIOBHAN'],
        items: draft.items,
      };
      const sent = await node
        .respond(missed.checkId, answer)
        .set('Idempotency-Key', 'browser-retry-1')
        .expect(200);
      const repeated = await node
        .respond(missed.checkId, answer)
        .set('Idempotency-Key', 'browser-retry-1')
        .expect(200);
      expect(repeated.body).toEqual(sent.body);

      const [message] = await node.responded.waitFor(1, (m) => m.body.checkId === missed.checkId);
      expect(message.body).toMatchObject({
        checkId: missed.checkId,
        noTrace: false,
        respondedBy: 'police-practitioner-1',
        matches: [{ subjectId: 'child-0', recordId: 'SRCH-SIOBHAN', confidence: 'possible-match' }],
        items: [expect.objectContaining({ recordId: 'SRCH-SIOBHAN', subjectId: 'child-0' })],
      });
      expect(node.signatureVerifies(message)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(answersTo(missed.checkId)).toHaveLength(1);
      const { rows } = await node.db.query(`SELECT record_ids FROM disclosures WHERE check_id = $1`, [
        missed.checkId,
      ]);
      expect(rows).toEqual([{ record_ids: ['SRCH-SIOBHAN'] }]);

      // Adding to a check answered completely is refused.
      const late = await add(missed.checkId, {
        subjectId: 'adult-0',
        recordId: 'SRCH-SEAN',
        reason: REASON,
      }).expect(409);
      expect(late.body.type).toMatch(/check-already-answered$/);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(logged.some((line) => line.includes('record search found'))).toBe(true);
    expect(logged.some((line) => line.includes('added a candidate'))).toBe(true);
    for (const secret of [
      'siobhan',
      'macdermot',
      'chevonne',
      'mcdermid',
      '2014-06-21',
      '2015-02-10',
      'CR7 6QL',
      'neighbourhood',
    ])
      expect(logged.filter((line) => line.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
  });

  it('documents the search and the added candidate, and the Idempotency-Key of an answer, in its OpenAPI document', async () => {
    const docs = await node.http().get('/docs').expect(200);
    expect(docs.body.paths['/checks/{checkId}/record-search'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'q', in: 'query' })]),
    );
    expect(docs.body.paths['/checks/{checkId}/candidates'].post.requestBody).toBeDefined();
    expect(Object.keys(docs.body.components.schemas.AddCandidateRequest.properties)).toEqual([
      'subjectId',
      'recordId',
      'reason',
    ]);
    expect(docs.body.paths['/checks/{checkId}/response'].post.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      ]),
    );
  });
});
