import type { CheckSummaryResponse } from './dto/check.response';
import { checkSummaryForHubOperator } from './check-view';

function aSummary(overrides: Partial<CheckSummaryResponse> = {}): CheckSummaryResponse {
  return {
    checkId: 'c-1',
    contactId: 'k-1',
    reference: 'MASH-20261120-000042',
    agency: 'police',
    rag: 'amber',
    status: 'open',
    requestedAt: '2026-11-20T10:00:00.000Z',
    dueAt: '2026-11-20T14:00:00.000Z',
    respondedAt: null,
    concernCategories: ['neglect', 'domestic-abuse'],
    subjectCount: 3,
    timeLeftMinutes: 90,
    overdue: false,
    partialRespondedAt: null,
    candidatesToReview: 2,
    subjectsToSearchByHand: 1,
    chaseCount: 0,
    lastChasedAt: null,
    cancelledAt: null,
    ...overrides,
  } as CheckSummaryResponse;
}

describe("a hub operator's view of an agency's work list", () => {
  it('keeps ids, status, times and counts', () => {
    const view = checkSummaryForHubOperator(aSummary());
    expect(view).toMatchObject({
      checkId: 'c-1',
      reference: 'MASH-20261120-000042',
      status: 'open',
      dueAt: '2026-11-20T14:00:00.000Z',
      subjectCount: 3,
      candidatesToReview: 2,
      timeLeftMinutes: 90,
    });
  });

  it('says nothing about the concern', () => {
    expect(checkSummaryForHubOperator(aSummary()).concernCategories).toEqual([]);
  });
});
