import type { FieldViolation, MatchConfidence } from '@mash/contracts';
import type { IndexCandidate } from '../social-care-index/social-care-index.service';

export const INDEX_REVIEW_DECISIONS = ['confirmed', 'rejected'] as const;
export type IndexReviewDecision = (typeof INDEX_REVIEW_DECISIONS)[number];

/** A possible match of one child, as a contact officer reviews it. */
export interface CandidateUnderReview extends IndexCandidate {
  confidence: MatchConfidence;
  review: IndexReviewDecision | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** A child of a held contact whose record in the index is not settled, with its possible matches. */
export interface ChildUnderReview {
  childIndex: number;
  candidates: CandidateUnderReview[];
}

export interface IndexReview {
  childIndex: number;
  recordId: string;
  review: IndexReviewDecision;
}

/**
 * A child is settled when a contact officer has confirmed one of its possible matches (that record is
 * the child's) or rejected every one (the child is not in the index).
 */
export function isSettled(child: ChildUnderReview): boolean {
  return (
    child.candidates.some((candidate) => candidate.review === 'confirmed') ||
    child.candidates.every((candidate) => candidate.review === 'rejected')
  );
}

/** The record confirmed for a settled child (null: every possible match rejected). */
export function confirmedOf(child: ChildUnderReview): CandidateUnderReview | null {
  return child.candidates.find((candidate) => candidate.review === 'confirmed') ?? null;
}

/**
 * Applies a contact officer's reviews, all or none: each names a possible match of a child of this
 * contact (`reviews[i]`, `isCandidate`), once (`unique`), and a child has at most one record confirmed
 * (`oneConfirmedPerChild`: one child is one record; a duplicate in the index is for the index's owners).
 * A review may change an earlier one while the contact is held. Answers the children as reviewed, or the
 * violations and nothing changed.
 */
export function applyIndexReviews(
  children: readonly ChildUnderReview[],
  reviews: readonly IndexReview[],
  reviewedBy: string,
  reviewedAt: Date,
): { children: ChildUnderReview[]; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const seen = new Set<string>();
  reviews.forEach((review, index) => {
    const key = `${review.childIndex}|${review.recordId}`;
    const child = children.find((one) => one.childIndex === review.childIndex);
    if (!child?.candidates.some((candidate) => candidate.recordId === review.recordId))
      violations.push({
        field: `reviews[${index}]`,
        rule: 'isCandidate',
        message: `reviews[${index}] is not a possible match of a child of this contact`,
      });
    else if (seen.has(key))
      violations.push({
        field: `reviews[${index}]`,
        rule: 'unique',
        message: `reviews[${index}] names the same child and record as an earlier review`,
      });
    seen.add(key);
  });
  if (violations.length) return { children: [...children], violations };
  const at = reviewedAt.toISOString();
  const reviewed = children.map((child) => ({
    ...child,
    candidates: child.candidates.map((candidate) => {
      const review = reviews.find(
        (one) => one.childIndex === child.childIndex && one.recordId === candidate.recordId,
      );
      return review ? { ...candidate, review: review.review, reviewedBy, reviewedAt: at } : candidate;
    }),
  }));
  reviewed.forEach((child) => {
    if (child.candidates.filter((candidate) => candidate.review === 'confirmed').length > 1) {
      const index = reviews.findIndex(
        (review) => review.childIndex === child.childIndex && review.review === 'confirmed',
      );
      violations.push({
        field: `reviews[${Math.max(index, 0)}]`,
        rule: 'oneConfirmedPerChild',
        message: `reviews[${Math.max(index, 0)}] would confirm a second record for one child`,
      });
    }
  });
  return violations.length ? { children: [...children], violations } : { children: reviewed, violations };
}
