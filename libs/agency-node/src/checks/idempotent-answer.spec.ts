import { testRecordKinds } from '../testing/factories';
import type { CheckResponseRecord } from './check-response.entity';
import { answerAsSent, answerRequestHash, canonicalJson, repeatViolations } from './idempotent-answer';
import { PractitionerResponseInput, vetPractitionerResponse } from './practitioner-response';

const check = {
  checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
  contactId: 'c5b0f6f2-8a8e-4a57-b3c1-6f8f0b9d2e11',
  agency: 'police' as const,
  subjects: [{ subjectId: 'child-0' }],
};

function anAnswer(overrides: Partial<PractitionerResponseInput> = {}): PractitionerResponseInput {
  return {
    rag: 'amber',
    analysis: 'Police attended a domestic incident the child witnessed.',
    noTrace: false,
    matchedRecordIds: ['P-AMY'],
    items: [
      { summary: 'Domestic incident, child present', classification: 'shareable', factId: 'AMY-1' },
      { summary: 'Intelligence held', classification: 'mash-only' },
    ],
    ...overrides,
  };
}

/** The answer vetted, and the row CheckResponder stores for it. */
function vettedAndStored(input: PractitionerResponseInput) {
  const vetted = vetPractitionerResponse(input, {
    check,
    candidates: [
      { subjectId: 'child-0', recordId: 'P-AMY', confidence: 'possible-match', review: 'confirmed' },
    ],
    facts: [{ factId: 'AMY-1', recordId: 'P-AMY', kind: 'incident', classification: 'shareable' }],
    recordKinds: testRecordKinds,
    respondedAt: new Date('2026-11-20T12:00:00Z'),
    respondedBy: 'practitioner-7',
  });
  if (!vetted.ok) throw new Error(JSON.stringify(vetted.violations));
  const { response } = vetted;
  const stored = {
    responseId: 'f3a4c1de-52a0-4b0e-9d6f-8f6a5f0e2a11',
    checkId: response.checkId,
    respondedAt: new Date(response.respondedAt),
    respondedBy: response.respondedBy,
    rag: response.rag,
    noTrace: response.noTrace,
    analysis: response.analysis,
    matches: response.matches,
    items: vetted.storedItems,
    partial: response.partial === true,
    awaiting: response.awaiting ?? [],
    idempotencyKey: 'key-1',
    requestHash: answerRequestHash(input, 'practitioner-7'),
  } satisfies CheckResponseRecord;
  return { response, stored };
}

describe('a repeated answer (Idempotency-Key)', () => {
  it('gives back a complete answer exactly as it was sent, without the facts the items came from', () => {
    const { response, stored } = vettedAndStored(anAnswer());
    const replayed = answerAsSent(check, stored);
    expect(replayed).toEqual(response);
    expect(JSON.stringify(replayed)).not.toContain('AMY-1');
  });

  it('gives back a partial answer with what it awaits', () => {
    const awaiting = [{ what: 'Custody records', from: 'Custody suite', since: '2026-11-20T09:00:00.000Z' }];
    const { response, stored } = vettedAndStored(anAnswer({ partial: true, awaiting }));
    expect(answerAsSent(check, stored)).toEqual(response);
    expect(answerAsSent(check, stored)).toMatchObject({ partial: true, awaiting });
  });

  it('hashes the same request alike whatever order its fields were sent in', () => {
    const answer = anAnswer();
    const reordered = JSON.parse(
      JSON.stringify({
        items: answer.items.map(({ summary, classification, factId }) => ({
          factId,
          classification,
          summary,
        })),
        matchedRecordIds: answer.matchedRecordIds,
        noTrace: answer.noTrace,
        analysis: answer.analysis,
        rag: answer.rag,
      }),
    );
    expect(answerRequestHash(reordered, 'p-1')).toBe(answerRequestHash(answer, 'p-1'));
    expect(answerRequestHash(answer, 'p-1')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells a different body, or the same body from another practitioner, from a repeat', () => {
    const hash = answerRequestHash(anAnswer(), 'p-1');
    expect(answerRequestHash(anAnswer({ rag: 'red' }), 'p-1')).not.toBe(hash);
    expect(answerRequestHash(anAnswer({ partial: false }), 'p-1')).not.toBe(hash);
    expect(answerRequestHash(anAnswer(), 'p-2')).not.toBe(hash);
  });

  it('accepts a repeat and refuses a reused key, naming the header and never the body', () => {
    const hash = answerRequestHash(anAnswer(), 'p-1');
    expect(repeatViolations({ requestHash: hash }, hash)).toEqual([]);
    const refused = repeatViolations(
      { requestHash: hash },
      answerRequestHash(anAnswer({ rag: 'red' }), 'p-1'),
    );
    expect(refused).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'sameRequest' })]);
    expect(refused[0].message).not.toMatch(/domestic|amber|red/i);
  });

  it('writes JSON with sorted keys and without undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});
