import type {
  CheckCancelled,
  CheckChased,
  CheckRequested,
  CheckRetimed,
  CheckSubject,
  RagRating,
} from '@mash/contracts';
import type { MashRecord } from '../records/mash-record.entity';
import type { RecordCheck } from '../records/record-check.entity';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/**
 * `check.requested` from the decision service (a consent decision, or an agency a manager added): the
 * same request triage sends, about the same people screening named, so the agency's node treats it
 * the same way. Built field by field from the record: nothing else rides along.
 */
export function checkRequestedMessage(
  record: Pick<MashRecord, 'contactId' | 'reference' | 'contact'>,
  check: Pick<RecordCheck, 'checkId' | 'agency' | 'dueAt'>,
  rag: RagRating,
  requestedAt: Date,
  subjects: CheckSubject[],
): CheckRequested {
  return {
    checkId: check.checkId,
    contactId: record.contactId,
    reference: record.reference,
    agency: check.agency,
    rag,
    requestedAt: requestedAt.toISOString(),
    dueAt: iso(check.dueAt),
    concernCategories: [...record.contact.concern.categories],
    concernSummary: record.contact.concern.summary,
    subjects,
  };
}

export function checkChasedMessage(
  check: Pick<RecordCheck, 'checkId' | 'contactId' | 'agency'>,
  dueAt: Date,
  chasedAt: Date,
  chaseNumber: number,
): CheckChased {
  return {
    checkId: check.checkId,
    contactId: check.contactId,
    agency: check.agency,
    dueAt: dueAt.toISOString(),
    chasedAt: chasedAt.toISOString(),
    chaseNumber,
  };
}

export function checkRetimedMessage(
  check: Pick<RecordCheck, 'checkId' | 'contactId' | 'agency' | 'dueAt'>,
  rag: RagRating,
  retimedAt: Date,
): CheckRetimed {
  return {
    checkId: check.checkId,
    contactId: check.contactId,
    agency: check.agency,
    rag,
    dueAt: iso(check.dueAt),
    retimedAt: retimedAt.toISOString(),
  };
}

export function checkCancelledMessage(
  check: Pick<RecordCheck, 'checkId' | 'contactId' | 'agency'>,
  cancelledAt: Date,
  cancelledBy: string,
  reason: string,
): CheckCancelled {
  return {
    checkId: check.checkId,
    contactId: check.contactId,
    agency: check.agency,
    cancelledAt: cancelledAt.toISOString(),
    cancelledBy,
    reason,
  };
}
