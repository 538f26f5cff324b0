import { createHash } from 'node:crypto';
import type { Agency, CheckResponded, FieldViolation } from '@mash/contracts';
import { canonicalJson, IDEMPOTENCY_KEY_HEADER } from '@mash/platform';
import type { CheckResponseRecord } from './check-response.entity';
import type { PractitionerResponseInput } from './practitioner-response';

/**
 * What makes a repeated answer the same request: the same practitioner sending the same body. The body
 * is reduced to JSON with its keys sorted (a client may serialise them in another order) and hashed, so
 * the node keeps the hash with the answer, never a second copy of the text.
 */
export function answerRequestHash(request: PractitionerResponseInput, respondedBy: string): string {
  return createHash('sha256').update(canonicalJson({ respondedBy, request })).digest('hex');
}

/**
 * A request that came with an `Idempotency-Key` already stored on this check: the same request is a
 * repeat, answered with the first answer; another request under that key is refused (it would be a
 * different answer the client believes was sent, or one it believes was not).
 */
export function repeatViolations(
  earlier: { requestHash: string | null },
  requestHash: string,
): FieldViolation[] {
  return earlier.requestHash === requestHash
    ? []
    : [
        {
          field: IDEMPOTENCY_KEY_HEADER,
          rule: 'sameRequest',
          message: `${IDEMPOTENCY_KEY_HEADER} was already used on this check for a different request; use a new key for a new answer`,
        },
      ];
}

/**
 * An answer the node stored, as it was sent (practitioner-response.ts builds the message from the same
 * fields): what a repeated request gets back, without anything being sent or written again.
 */
export function answerAsSent(
  check: { checkId: string; contactId: string; agency: Agency },
  stored: CheckResponseRecord,
): CheckResponded {
  return {
    checkId: check.checkId,
    contactId: check.contactId,
    agency: check.agency,
    respondedAt: stored.respondedAt.toISOString(),
    rag: stored.rag,
    analysis: stored.analysis,
    noTrace: stored.noTrace,
    matches: stored.matches,
    // The fact an item came from is the node's own; it was never sent.
    items: stored.items.map(({ summary, classification, recordId, subjectId }) => ({
      summary,
      classification,
      recordId: recordId ?? null,
      subjectId: subjectId ?? null,
    })),
    respondedBy: stored.respondedBy,
    ...(stored.partial ? { partial: true, awaiting: stored.awaiting } : {}),
  };
}

export { canonicalJson };
