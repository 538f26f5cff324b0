import type { FieldViolation, RagRating } from '@mash/contracts';
import { RAG_RATINGS } from '@mash/contracts';
import type { CheckStatus } from './check.entity';

/** Red is 0, amber 1, green 2: a smaller number is more urgent. */
function urgency(rag: RagRating): number {
  return RAG_RATINGS.indexOf(rag);
}

/**
 * An agency escalates heightened risk by raising the check's RAG: only upwards (an agency cannot lower
 * the hub's rating; a manager does that), and only while the hub still wants the check (not withdrawn).
 * A check already answered may still be escalated: new information can arrive after the answer.
 */
export function escalationViolations(
  check: { status: CheckStatus; rag: RagRating },
  requested: RagRating,
): FieldViolation[] {
  if (check.status === 'cancelled')
    return [{ field: 'checkId', rule: 'notCancelled', message: 'the hub has withdrawn this check' }];
  if (urgency(requested) >= urgency(check.rag))
    return [
      {
        field: 'rag',
        rule: 'moreUrgent',
        message: `rag must be more urgent than the check's current ${check.rag}`,
      },
    ];
  return [];
}
