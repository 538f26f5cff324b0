import type { CheckResponded, RagRating } from '@mash/contracts';

/** What the log records about one answer: counts and ids, never what the items say. */
export interface DisclosureEntry {
  checkId: string;
  contactId: string;
  reference: string;
  /** With whom: the MASH, through the hub's decision service. */
  sharedWith: 'mash';
  /** Why: the MASH check and the concerns it was asked about. */
  purpose: string;
  /** What: how many items of each classification, and which of the agency's records. */
  shareableItems: number;
  mashOnlyItems: number;
  recordIds: string[];
  /** By whom: `automatic`, or the practitioner's id. */
  respondedBy: string;
  /** When. */
  disclosedAt: Date;
  /** Which answer (a check may have partial answers before its complete one). */
  responseId: string;
  partial: boolean;
  rag: RagRating;
  noTrace: boolean;
}

/**
 * The disclosure log entry for an answer, partial or complete (Bexley 16: the agency keeps a record of
 * what it shared; Northamptonshire stage 2: "make a record of their activity on their own systems
 * including the information that they have shared"). A no-trace answer is logged too: telling the MASH
 * that the agency holds nothing is itself a disclosure.
 */
export function disclosureEntry(
  check: { reference: string; concernCategories: readonly string[] },
  response: CheckResponded,
  responseId: string,
): DisclosureEntry {
  const categories = check.concernCategories.length ? check.concernCategories.join(', ') : 'unspecified';
  const partial = response.partial === true;
  return {
    checkId: response.checkId,
    contactId: response.contactId,
    reference: check.reference,
    sharedWith: 'mash',
    purpose:
      `MASH check ${check.reference} (concerns: ${categories})` +
      (partial ? `; partial answer, awaiting ${response.awaiting?.length ?? 0} enquiry(ies)` : ''),
    shareableItems: response.items.filter((item) => item.classification === 'shareable').length,
    mashOnlyItems: response.items.filter((item) => item.classification === 'mash-only').length,
    recordIds: [...new Set(response.matches.map((match) => match.recordId))],
    respondedBy: response.respondedBy,
    disclosedAt: new Date(response.respondedAt),
    responseId,
    partial,
    rag: response.rag,
    noTrace: response.noTrace,
  };
}
