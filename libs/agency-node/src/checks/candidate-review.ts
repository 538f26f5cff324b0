import type { FieldViolation } from '@mash/contracts';

export const REVIEW_DECISIONS = ['confirmed', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface CandidateReviewInput {
  subjectId: string;
  recordId: string;
  review: ReviewDecision;
}

/**
 * A practitioner's review of the records the node found: each names a candidate of this very check
 * (a record the node never proposed for that person is added, with a reason, by
 * `POST /checks/{checkId}/candidates`, not confirmed here), and each candidate
 * once. A candidate may be reviewed again, changing the practitioner's mind, until the check is
 * completely answered. Messages name the field, never an id or a name.
 */
export function reviewViolations(
  reviews: readonly CandidateReviewInput[],
  candidates: readonly { subjectId: string; recordId: string }[],
): FieldViolation[] {
  const known = new Set(candidates.map((candidate) => pairKey(candidate)));
  const seen = new Map<string, number>();
  const violations: FieldViolation[] = [];
  reviews.forEach((review, index) => {
    const field = `reviews[${index}]`;
    const key = pairKey(review);
    if (!known.has(key)) {
      violations.push({
        field,
        rule: 'isCandidate',
        message: `${field} names a subject and record that are not a candidate of this check`,
      });
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      violations.push({ field, rule: 'unique', message: `${field} repeats reviews[${earlier}]` });
    } else seen.set(key, index);
  });
  return violations;
}

function pairKey(pair: { subjectId: string; recordId: string }): string {
  return `${pair.subjectId}\u0000${pair.recordId}`;
}
