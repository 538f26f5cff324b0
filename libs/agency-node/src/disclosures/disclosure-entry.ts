import type { CheckResponded } from '@mash/contracts';

/** What the log records about one answer: counts and ids, never what the items say. */
export interface DisclosureEntry {
  checkId: string;
  contactId: string;
  reference: string;
  sharedWith: 'mash';
  purpose: string;
  shareableItems: number;
  mashOnlyItems: number;
  recordIds: string[];
  respondedBy: string;
  disclosedAt: Date;
}

/**
 * The disclosure log entry for a response. A no-trace answer is logged too: telling the MASH that the
 * agency holds nothing is itself a disclosure.
 */
export function disclosureEntry(
  check: { reference: string; concernCategories: readonly string[] },
  response: CheckResponded,
): DisclosureEntry {
  const categories = check.concernCategories.length ? check.concernCategories.join(', ') : 'unspecified';
  return {
    checkId: response.checkId,
    contactId: response.contactId,
    reference: check.reference,
    sharedWith: 'mash',
    purpose: `MASH check ${check.reference} (concerns: ${categories})`,
    shareableItems: response.items.filter((item) => item.classification === 'shareable').length,
    mashOnlyItems: response.items.filter((item) => item.classification === 'mash-only').length,
    recordIds: [...new Set(response.matches.map((match) => match.recordId))],
    respondedBy: response.respondedBy,
    disclosedAt: new Date(response.respondedAt),
  };
}
