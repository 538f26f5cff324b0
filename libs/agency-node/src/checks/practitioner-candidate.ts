import type { CheckSubject, FieldViolation } from '@mash/contracts';
import { PersonToMatch, scoreCandidate } from '@mash/matching';
import type { CheckCandidate } from './check-candidate.entity';

/** The first reason of a candidate a practitioner added: the matcher did not propose it. */
export const ADDED_BY_PRACTITIONER = 'added by a practitioner from their own search of the records';

export interface AddedCandidateInput {
  subjectId: string;
  recordId: string;
  reason: string;
}

/**
 * A practitioner adds a record the matcher did not propose (`POST /checks/{checkId}/candidates`): it
 * must be for a subject of this very check, and a record this agency holds. Messages name the field,
 * never an id or a name.
 */
export function addedCandidateViolations(
  input: AddedCandidateInput,
  subjects: readonly { subjectId: string }[],
  recordExists: boolean,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!subjects.some((subject) => subject.subjectId === input.subjectId))
    violations.push({
      field: 'subjectId',
      rule: 'isSubjectOfCheck',
      message: 'subjectId is not a subject of this check',
    });
  if (!recordExists)
    violations.push({
      field: 'recordId',
      rule: 'isAgencyRecord',
      message: "recordId is not a record in this agency's records",
    });
  return violations;
}

/**
 * The candidate as stored: confirmed by the practitioner who added it (finding the record was their
 * judgement that it is the person), a `possible-match` whatever the score (the matcher did not vouch for
 * it), and scored as the matcher would score it (match-score.ts), so the score and its reasons show how
 * far the record is from what the request said. The practitioner's own reason comes second.
 */
export function practitionerCandidate(input: {
  checkId: string;
  subject: CheckSubject;
  record: PersonToMatch & { recordId: string };
  reason: string;
  practitionerId: string;
  addedAt: Date;
}): CheckCandidate {
  const scored = scoreCandidate(input.subject, input.record, input.addedAt);
  return {
    checkId: input.checkId,
    subjectId: input.subject.subjectId,
    recordId: input.record.recordId,
    confidence: 'possible-match',
    score: scored.score,
    reasons: [ADDED_BY_PRACTITIONER, input.reason.trim(), ...scored.reasons],
    review: 'confirmed',
    reviewedBy: input.practitionerId,
    reviewedAt: input.addedAt,
    origin: 'practitioner',
  };
}
