import { reviewViolations } from './candidate-review';

const candidates = [
  { subjectId: 'child-0', recordId: 'P-1' },
  { subjectId: 'adult-0', recordId: 'P-2' },
];

describe("a practitioner's review of candidate records", () => {
  it("accepts reviews of the check's own candidates", () => {
    expect(
      reviewViolations(
        [
          { subjectId: 'child-0', recordId: 'P-1', review: 'confirmed' },
          { subjectId: 'adult-0', recordId: 'P-2', review: 'rejected' },
        ],
        candidates,
      ),
    ).toEqual([]);
  });

  it('refuses to confirm a record the node never proposed for that person', () => {
    expect(
      reviewViolations(
        [
          { subjectId: 'adult-0', recordId: 'P-1', review: 'confirmed' },
          { subjectId: 'child-0', recordId: 'P-9', review: 'confirmed' },
        ],
        candidates,
      ).map(({ field, rule }) => ({ field, rule })),
    ).toEqual([
      { field: 'reviews[0]', rule: 'isCandidate' },
      { field: 'reviews[1]', rule: 'isCandidate' },
    ]);
  });

  it('refuses the same candidate twice in one review', () => {
    const violations = reviewViolations(
      [
        { subjectId: 'child-0', recordId: 'P-1', review: 'confirmed' },
        { subjectId: 'child-0', recordId: 'P-1', review: 'rejected' },
      ],
      candidates,
    );
    expect(violations).toEqual([expect.objectContaining({ field: 'reviews[1]', rule: 'unique' })]);
    expect(violations[0].message).toContain('reviews[0]');
  });
});
