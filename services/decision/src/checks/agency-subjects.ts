import type { Agency, CheckSubject, ContactReceived } from '@mash/contracts';

/**
 * Whom one agency is asked to search for, when screening did not say (an agency a manager added):
 * "necessary, proportionate, relevant" (Croydon 4), within "think family" (Warwickshire 5). Police:
 * the born children and every adult; health: every child, unborn too (midwifery), and every adult;
 * education: the born children only. The same table as triage's screening rule
 * (services/triage, rules/agency-subjects.ts), so a check asked for later asks what screening would have.
 */
const NEEDS: Readonly<Record<Agency, { unbornChildren: boolean; adults: boolean }>> = {
  police: { unbornChildren: false, adults: true },
  health: { unbornChildren: true, adults: true },
  education: { unbornChildren: false, adults: false },
};

export function subjectIdsFor(
  agency: Agency,
  contact: Pick<ContactReceived, 'children' | 'adults'>,
): string[] {
  const needs = NEEDS[agency];
  const children = contact.children.flatMap((child, index) =>
    needs.unbornChildren || child.unborn !== true ? [`child-${index}`] : [],
  );
  const adults = needs.adults ? (contact.adults ?? []).map((_, index) => `adult-${index}`) : [];
  return [...children, ...adults];
}

/** The subjects a check asks about: those screening named for it, or the agency's share of everyone. */
export function subjectsForCheck(
  check: { agency: Agency; subjectIds: string[] | null },
  subjects: readonly CheckSubject[],
  contact: Pick<ContactReceived, 'children' | 'adults'>,
): CheckSubject[] {
  const wanted = new Set(check.subjectIds ?? subjectIdsFor(check.agency, contact));
  return subjects.filter((subject) => wanted.has(subject.subjectId));
}
