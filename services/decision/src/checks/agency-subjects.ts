import type { Agency, CheckSubject, ContactReceived } from '@mash/contracts';
import { subjectIdsFor } from '@mash/policy';

/**
 * The subjects a check asks about: those screening named for it, or, for an agency a manager added, the
 * agency's share of everyone by the same table screening uses (@mash/policy, agency-subjects.ts).
 */
export function subjectsForCheck(
  check: { agency: Agency; subjectIds: string[] | null },
  subjects: readonly CheckSubject[],
  contact: Pick<ContactReceived, 'children' | 'adults'>,
): CheckSubject[] {
  const wanted = new Set(check.subjectIds ?? subjectIdsFor(check.agency, contact));
  return subjects.filter((subject) => wanted.has(subject.subjectId));
}
