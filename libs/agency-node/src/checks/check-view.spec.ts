import type { CheckDetailResponse } from './dto/check.response';
import { withholdMashOnly } from './check-view';

function aDetail(): CheckDetailResponse {
  const fact = (classification: 'shareable' | 'mash-only', summary: string) => ({
    factId: `F-${classification}`,
    date: '2026-01-01',
    kind: 'intelligence',
    summary,
    classification,
    severity: 'amber' as const,
    role: 'suspect',
  });
  return {
    checkId: 'c',
    contactId: 'x',
    reference: 'MASH-1',
    agency: 'police',
    rag: 'amber',
    status: 'responded',
    requestedAt: '2026-11-20T10:00:00.000Z',
    dueAt: null,
    respondedAt: '2026-11-20T10:00:01.000Z',
    concernCategories: [],
    subjectCount: 1,
    concernSummary: 'summary',
    subjects: [],
    candidates: [
      {
        subjectId: 'adult-0',
        recordId: 'P-1',
        confidence: 'match',
        record: {
          recordId: 'P-1',
          givenName: 'A',
          familyName: 'B',
          otherNames: [],
          dateOfBirth: '1990-01-01',
          gender: null,
          address: null,
          nhsNumber: null,
          upn: null,
          pncId: null,
          facts: [fact('mash-only', 'soft intelligence'), fact('shareable', 'open fact')],
        },
      },
    ],
    response: {
      respondedAt: '2026-11-20T10:00:01.000Z',
      respondedBy: 'automatic',
      rag: 'amber',
      noTrace: false,
      analysis: 'analysis',
      matches: [],
      items: [
        { summary: 'soft intelligence', classification: 'mash-only', recordId: 'P-1', subjectId: 'adult-0' },
        { summary: 'open fact', classification: 'shareable', recordId: 'P-1', subjectId: 'adult-0' },
      ],
    },
  };
}

describe("a hub operator's view of a check", () => {
  it('withholds the text of mash-only facts and items but shows that they exist', () => {
    const view = withholdMashOnly(aDetail());
    expect(JSON.stringify(view)).not.toContain('soft intelligence');
    expect(view.response!.items).toEqual([
      expect.objectContaining({ classification: 'mash-only', summary: null, withheld: true }),
      expect.objectContaining({ classification: 'shareable', summary: 'open fact' }),
    ]);
    expect(view.candidates[0].record!.facts.map((fact) => fact.summary)).toEqual([null, 'open fact']);
  });

  it('leaves an unanswered check as it is', () => {
    const detail = { ...aDetail(), response: null };
    expect(withholdMashOnly(detail).response).toBeNull();
  });
});
