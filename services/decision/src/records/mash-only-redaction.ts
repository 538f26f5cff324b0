import type { Agency, CheckItem, ItemClassification, StaffRole } from '@mash/contracts';

/** DESIGN.md, Sensitive information: "mash-only items are seen by MASH decision makers only". */
export const ROLES_SEEING_MASH_ONLY: readonly StaffRole[] = ['decision-maker', 'team-manager'];

export function maySeeMashOnly(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => ROLES_SEEING_MASH_ONLY.includes(role));
}

export interface VisibleItem {
  summary: string;
  classification: ItemClassification;
  agency: Agency;
  recordId: string | null;
  subjectId: string | null;
  withheld: false;
}

/** All that someone who may not see a mash-only item learns: that it exists and which agency holds it. */
export interface WithheldItem {
  classification: 'mash-only';
  agency: Agency;
  withheld: true;
}

export type ItemAsSeen = VisibleItem | WithheldItem;

/**
 * One agency's items as this caller may see them. A withheld item is built afresh rather than copied
 * and trimmed, so nothing added to an item later can slip through with it.
 */
export function itemsAsSeenBy(
  items: readonly CheckItem[],
  agency: Agency,
  roles: readonly StaffRole[],
): ItemAsSeen[] {
  const seesMashOnly = maySeeMashOnly(roles);
  return items.map((item): ItemAsSeen => {
    if (item.classification === 'mash-only' && !seesMashOnly) {
      return { classification: 'mash-only', agency, withheld: true };
    }
    return {
      summary: item.summary,
      classification: item.classification,
      agency,
      recordId: item.recordId ?? null,
      subjectId: item.subjectId ?? null,
      withheld: false,
    };
  });
}
