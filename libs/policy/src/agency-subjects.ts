import type { Agency, ContactReceived } from '@mash/contracts';

/** Whom one agency is asked to search for. */
export interface SubjectsAnAgencyNeeds {
  /** `born`: the children who have been born; `all`: an unborn child as well. */
  children: 'born' | 'all';
  adults: boolean;
}

/**
 * "Think family" (Warwickshire 5) within "necessary, proportionate, relevant" (Croydon 4: only what the
 * agency needs to hold its part of the picture):
 * - police hold crimes, incidents and intelligence about the adults around a child (domestic abuse,
 *   offending) as much as about the children (missing episodes, victims): children and adults;
 * - health holds the adults' GP, mental health and substance misuse records (parental mental health and
 *   substance misuse are concern categories of their own) and the children's, and midwifery holds an
 *   unborn baby's, under the mother: every child, unborn too, and adults;
 * - education holds pupils' and early years records (attendance, exclusions, the school's concerns):
 *   children only. An adult's own school record is not necessary to the concern.
 * Neither police nor education hold anything about a child not yet born, so an unborn child is not
 * their subject; a contact about an unborn baby alone is checked with education not at all.
 */
export const SUBJECTS_AN_AGENCY_NEEDS: Readonly<Record<Agency, SubjectsAnAgencyNeeds>> = {
  police: { children: 'born', adults: true },
  health: { children: 'all', adults: true },
  education: { children: 'born', adults: false },
};

/** The subject ids (`child-<i>`, `adult-<i>`, as check-subjects.ts numbers them) one agency is asked about. */
export function subjectIdsFor(
  agency: Agency,
  contact: Pick<ContactReceived, 'children' | 'adults'>,
): string[] {
  const needs = SUBJECTS_AN_AGENCY_NEEDS[agency];
  const children = contact.children.flatMap((child, index) =>
    needs.children === 'all' || child.unborn !== true ? [`child-${index}`] : [],
  );
  const adults = needs.adults ? (contact.adults ?? []).map((_, index) => `adult-${index}`) : [];
  return [...children, ...adults];
}
