import type { CheckRequested } from '@mash/contracts';
import { aCheckSubject } from '@mash/contracts/testing';
import { aRecordLine } from '../src/testing/factories';
import type { AgencyNodeUnderTest } from '../../../test-support/agency-node';
import { importRecords, receiveCheck, startTestNode } from './test-node';

/**
 * A practitioner's answer repeated after a timeout (`Idempotency-Key`), against the real database and
 * broker: the first answer comes back, and nothing is sent, logged or stored twice.
 */
const NOW = '2026-11-20T12:00:00.000Z';
const RECORD_ID = 'IDEM-AMELIA';

describe('a repeated answer with the same Idempotency-Key (real broker and database)', () => {
  let node: AgencyNodeUnderTest;
  let check: CheckRequested;

  const partialAnswer = {
    rag: 'amber',
    analysis: 'One domestic incident known; custody records are awaited.',
    noTrace: false,
    matchedRecordIds: [RECORD_ID],
    items: [{ summary: 'Domestic incident at the home address.', classification: 'shareable' }],
    partial: true,
    awaiting: [{ what: 'Custody records', from: 'Custody suite', since: '2026-11-20T11:00:00.000Z' }],
  };
  const completeAnswer = { ...partialAnswer, rag: 'red', partial: false, awaiting: [] };

  const respondWithKey = (checkId: string, key: string, body: object, token = node.tokens.practitioner) =>
    node.respond(checkId, body, token).set('Idempotency-Key', key);
  const answersTo = (checkId: string) => node.responded.messages.filter((m) => m.body.checkId === checkId);
  /** Long enough for a second message, had one been enqueued, to reach the capture. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

  async function aReviewedCheck(): Promise<CheckRequested> {
    const received = await receiveCheck(node, {
      subjects: [aCheckSubject({ subjectId: 'child-0', nhsNumber: null })],
    });
    await node
      .review(received.checkId, [{ subjectId: 'child-0', recordId: RECORD_ID, review: 'confirmed' }])
      .expect(200);
    return received;
  }

  beforeAll(async () => {
    node = await startTestNode(NOW);
    await importRecords(node, [
      aRecordLine({
        recordId: RECORD_ID,
        givenName: 'Amelia',
        familyName: 'Example',
        dateOfBirth: '2016-05-14',
        address: aCheckSubject().address,
      }),
    ]);
    check = await aReviewedCheck();
  });

  afterAll(() => node?.close());

  it('gives the first answer back to a repeat, and sends, logs and stores it once', async () => {
    const first = await respondWithKey(check.checkId, 'answer-key-1', partialAnswer).expect(200);
    const repeat = await respondWithKey(check.checkId, 'answer-key-1', partialAnswer).expect(200);
    expect(repeat.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      partial: true,
      respondedBy: 'police-practitioner-1',
      respondedAt: NOW,
    });

    await node.responded.waitFor(1, (m) => m.body.checkId === check.checkId);
    await settle();
    expect(answersTo(check.checkId)).toHaveLength(1);
    expect(answersTo(check.checkId)[0].body).toEqual(first.body);
    expect(await node.count('check_responses', 'check_id = $1', [check.checkId])).toBe(1);
    expect(await node.count('disclosures', 'check_id = $1', [check.checkId])).toBe(1);
    // The key is kept with a hash of the request, never a copy of it.
    const { rows } = await node.db.query(
      `SELECT idempotency_key, request_hash FROM check_responses WHERE check_id = $1`,
      [check.checkId],
    );
    expect(rows).toEqual([
      { idempotency_key: 'answer-key-1', request_hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('refuses the same key with another body, or from another practitioner, naming the header, and stores and sends nothing', async () => {
    const changed = await respondWithKey(check.checkId, 'answer-key-1', {
      ...partialAnswer,
      analysis: 'A different analysis entirely.',
    }).expect(422);
    expect(changed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(changed.body).toMatchObject({
      type: expect.stringMatching(/idempotency-key-reused$/),
      errors: [expect.objectContaining({ field: 'Idempotency-Key', rule: 'sameRequest' })],
    });
    expect(JSON.stringify(changed.body)).not.toContain('different analysis');
    await respondWithKey(check.checkId, 'answer-key-1', partialAnswer, node.tokens.otherPractitioner).expect(
      422,
    );

    await settle();
    expect(answersTo(check.checkId)).toHaveLength(1);
    expect(await node.count('check_responses', 'check_id = $1', [check.checkId])).toBe(1);
    expect(await node.count('disclosures', 'check_id = $1', [check.checkId])).toBe(1);
  });

  it('gives back the original answer, not 409, to a repeat after the check is completely answered; without a key or with a new one it is still 409', async () => {
    const partial = await respondWithKey(check.checkId, 'answer-key-1', partialAnswer).expect(200);
    const complete = await respondWithKey(check.checkId, 'answer-key-2', completeAnswer).expect(200);
    expect(complete.body).toMatchObject({ rag: 'red' });
    expect(complete.body).not.toHaveProperty('partial');
    expect((await node.check(check.checkId)).status).toBe('responded');

    const repeatedComplete = await respondWithKey(check.checkId, 'answer-key-2', completeAnswer).expect(200);
    expect(repeatedComplete.body).toEqual(complete.body);
    const repeatedPartial = await respondWithKey(check.checkId, 'answer-key-1', partialAnswer).expect(200);
    expect(repeatedPartial.body).toEqual(partial.body);

    const unkeyed = await node.respond(check.checkId, completeAnswer).expect(409);
    expect(unkeyed.body.type).toMatch(/check-already-answered$/);
    await respondWithKey(check.checkId, 'answer-key-3', completeAnswer).expect(409);

    await node.responded.waitFor(2, (m) => m.body.checkId === check.checkId);
    await settle();
    expect(answersTo(check.checkId)).toHaveLength(2);
    expect(await node.count('check_responses', 'check_id = $1', [check.checkId])).toBe(2);
    expect(await node.count('disclosures', 'check_id = $1', [check.checkId])).toBe(2);
  });

  it('stores and sends one answer for concurrent repeats, and a key belongs to its check: the same key answers another check', async () => {
    const other = await aReviewedCheck();
    const responses = await Promise.all(
      [1, 2, 3].map(() => respondWithKey(other.checkId, 'answer-key-1', completeAnswer)),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(responses[1].body).toEqual(responses[0].body);
    expect(responses[2].body).toEqual(responses[0].body);
    expect(responses[0].body).toMatchObject({ checkId: other.checkId, rag: 'red' });

    await node.responded.waitFor(1, (m) => m.body.checkId === other.checkId);
    await settle();
    expect(answersTo(other.checkId)).toHaveLength(1);
    expect(await node.count('check_responses', 'check_id = $1', [other.checkId])).toBe(1);
    expect(await node.count('disclosures', 'check_id = $1', [other.checkId])).toBe(1);
  });

  it('has the database refuse a second answer under one key on a check, and a key without its request hash', async () => {
    const copy = (key: string, hash: string | null) =>
      node.db.query(
        `INSERT INTO check_responses (response_id, check_id, responded_at, responded_by, rag, no_trace, analysis,
                                      matches, items, partial, awaiting, idempotency_key, request_hash)
         SELECT gen_random_uuid(), check_id, responded_at, responded_by, rag, no_trace, analysis,
                matches, items, true, awaiting, $2, $3
           FROM check_responses WHERE check_id = $1 AND idempotency_key = 'answer-key-1'`,
        [check.checkId, key, hash],
      );
    await expect(copy('answer-key-1', 'f'.repeat(64))).rejects.toThrow(/check_responses_idempotency/);
    await expect(copy('answer-key-9', null)).rejects.toThrow(/check_responses_idempotency_hashed/);
  });

  it('answers as before without a key: a second partial answer is another answer', async () => {
    const plain = await aReviewedCheck();
    await node.respond(plain.checkId, partialAnswer).expect(200);
    await node.respond(plain.checkId, partialAnswer).expect(200);
    await node.responded.waitFor(2, (m) => m.body.checkId === plain.checkId);
    await settle();
    expect(answersTo(plain.checkId)).toHaveLength(2);
    expect(
      await node.count('check_responses', 'check_id = $1 AND idempotency_key IS NULL', [plain.checkId]),
    ).toBe(2);
  });
});
