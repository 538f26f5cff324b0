import { applyIndexReviews, ChildUnderReview, confirmedOf, isSettled } from './index-match-review';

const candidate = (recordId: string) => ({
  recordId,
  confidence: 'possible-match' as const,
  score: 0.7,
  reasons: ['date of birth day and month transposed'],
  match: 'confirmed' as const,
  review: null,
  reviewedBy: null,
  reviewedAt: null,
});
const children = (): ChildUnderReview[] => [
  { childIndex: 0, candidates: [candidate('SC-1'), candidate('SC-2')] },
  { childIndex: 2, candidates: [candidate('SC-3')] },
];
const at = new Date('2026-12-04T10:00:00Z');

describe('a contact officer’s review of possible matches in the index', () => {
  it('settles a child by one record confirmed, or by every possible match rejected', () => {
    const { children: reviewed, violations } = applyIndexReviews(
      children(),
      [
        { childIndex: 0, recordId: 'SC-2', review: 'confirmed' },
        { childIndex: 2, recordId: 'SC-3', review: 'rejected' },
      ],
      'officer-1',
      at,
    );
    expect(violations).toEqual([]);
    expect(reviewed.map(isSettled)).toEqual([true, true]);
    expect(confirmedOf(reviewed[0])).toMatchObject({
      recordId: 'SC-2',
      reviewedBy: 'officer-1',
      reviewedAt: '2026-12-04T10:00:00.000Z',
    });
    expect(confirmedOf(reviewed[1])).toBeNull();
  });

  it('leaves a child unsettled while a possible match is neither confirmed nor all are rejected', () => {
    const { children: reviewed } = applyIndexReviews(
      children(),
      [{ childIndex: 0, recordId: 'SC-1', review: 'rejected' }],
      'officer-1',
      at,
    );
    expect(isSettled(reviewed[0])).toBe(false);
  });

  it('refuses a record that is not a possible match of that child, and one named twice, changing nothing', () => {
    const before = children();
    const { children: after, violations } = applyIndexReviews(
      before,
      [
        { childIndex: 0, recordId: 'SC-3', review: 'confirmed' },
        { childIndex: 2, recordId: 'SC-3', review: 'rejected' },
        { childIndex: 2, recordId: 'SC-3', review: 'confirmed' },
      ],
      'officer-1',
      at,
    );
    expect(violations.map(({ field, rule }) => `${field} ${rule}`)).toEqual([
      'reviews[0] isCandidate',
      'reviews[2] unique',
    ]);
    expect(after).toEqual(before);
  });

  it('refuses two records confirmed for one child', () => {
    const { violations } = applyIndexReviews(
      children(),
      [
        { childIndex: 0, recordId: 'SC-1', review: 'confirmed' },
        { childIndex: 0, recordId: 'SC-2', review: 'confirmed' },
      ],
      'officer-1',
      at,
    );
    expect(violations).toEqual([
      expect.objectContaining({ field: 'reviews[0]', rule: 'oneConfirmedPerChild' }),
    ]);
  });
});
