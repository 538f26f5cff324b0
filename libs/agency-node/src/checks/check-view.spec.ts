import type { CheckAnswerView, CheckDetailResponse } from './dto/check.response';
import { withholdMashOnly } from './check-view';

function anAnswer(overrides: Partial<CheckAnswerView> = {}): CheckAnswerView {
  return {
    responseId: 'r-1',
    respondedAt: '2026-11-20T10:00:01.000Z',
    respondedBy: 'practitioner-1',
    rag: 'amber',
    noTrace: false,
    analysis: 'analysis',
    matches: [],
    items: [
      {
        summary: 'soft intelligence',
        classification: 'mash-only',
        recordId: 'P-1',
        subjectId: 'adult-0',
        factId: 'F-1',
      },
      {
        summary: 'open fact',
        classification: 'shareable',
        recordId: 'P-1',
        subjectId: 'adult-0',
        factId: 'F-2',
      },
    ],
    partial: false,
    awaiting: [],
    ...overrides,
  };
}

function aDetail(): CheckDetailResponse {
  const fact = (classification: 'shareable' | 'mash-only', summary: string, type: string) => ({
    factId: `F-${classification}`,
    date: '2026-01-01',
    kind: 'intelligence',
    summary,
    classification,
    severity: 'amber' as const,
    role: 'suspect',
    details: { type },
  });
  const answer = anAnswer();
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
    timeLeftMinutes: null,
    overdue: false,
    partialRespondedAt: null,
    candidatesToReview: 0,
    subjectsToSearchByHand: 0,
    chaseCount: 0,
    lastChasedAt: null,
    cancelledAt: null,
    concernSummary: 'summary',
    subjects: [],
    searchNotes: [],
    candidates: [
      {
        subjectId: 'adult-0',
        recordId: 'P-1',
        confidence: 'match',
        score: 1,
        reasons: ['exact name and date of birth'],
        review: 'confirmed',
        origin: 'matcher',
        reviewedBy: 'practitioner-1',
        reviewedAt: '2026-11-20T10:00:00.000Z',
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
          facts: [fact('mash-only', 'soft intelligence', 'drugs'), fact('shareable', 'open fact', 'weapons')],
        },
      },
    ],
    response: answer,
    responses: [answer],
    previousResponses: [
      {
        ...anAnswer(),
        checkId: 'earlier',
        reference: 'MASH-0',
        requestedAt: '2026-01-01T00:00:00.000Z',
        linkedBy: ['same-person'],
      },
    ],
    draft: {
      rag: 'amber',
      analysis: 'draft',
      noTrace: false,
      matchedRecordIds: ['P-1'],
      items: [
        {
          summary: 'soft intelligence',
          classification: 'mash-only',
          recordId: 'P-1',
          subjectId: 'adult-0',
          factId: 'F-1',
        },
      ],
      sharedBefore: [],
    },
  };
}

describe("a hub operator's view of a check", () => {
  it('withholds the text and details of mash-only facts and items but shows that they exist', () => {
    const view = withholdMashOnly(aDetail());
    expect(JSON.stringify(view)).not.toContain('soft intelligence');
    expect(JSON.stringify(view)).not.toContain('drugs');
    expect(view.response!.items).toEqual([
      expect.objectContaining({ classification: 'mash-only', summary: null, withheld: true }),
      expect.objectContaining({ classification: 'shareable', summary: 'open fact' }),
    ]);
    expect(view.candidates[0].record!.facts.map((fact) => fact.summary)).toEqual([null, 'open fact']);
    expect(view.candidates[0].record!.facts[1].details).toEqual({ type: 'weapons' });
  });

  it("withholds mash-only text in every answer sent and in the agency's earlier answers", () => {
    const view = withholdMashOnly(aDetail());
    expect(view.responses[0].items[0]).toMatchObject({ summary: null, withheld: true });
    expect(view.previousResponses[0].items[0]).toMatchObject({ summary: null, withheld: true });
    expect(view.previousResponses[0].reference).toBe('MASH-0');
  });

  it('never shows a hub operator the draft answer', () => {
    expect(withholdMashOnly(aDetail()).draft).toBeNull();
  });

  it('leaves an unanswered check as it is', () => {
    const detail = { ...aDetail(), response: null, responses: [] };
    expect(withholdMashOnly(detail).response).toBeNull();
  });
});
