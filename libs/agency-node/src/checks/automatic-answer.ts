import type { FoundCandidate } from './check-matcher';

export interface SearchableSubject {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
}

/**
 * Whether the node may answer "no trace" without a person (when its AUTO_NO_TRACE is on): only when
 * it found no candidate record at all for anyone in the request, not even a possible match, and it
 * could search for everyone. A subject without a date of birth cannot be searched with confidence, so
 * a practitioner looks; every answer that shares anything is a practitioner's.
 */
export function mayAnswerNoTraceAutomatically(
  subjects: readonly SearchableSubject[],
  candidates: readonly Pick<FoundCandidate, 'confidence'>[],
): boolean {
  if (candidates.length) return false;
  return subjects.every(
    (subject) => !!subject.dateOfBirth && !!subject.givenName?.trim() && !!subject.familyName?.trim(),
  );
}
