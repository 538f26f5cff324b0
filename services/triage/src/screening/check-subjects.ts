import type { AdultDetails, CheckSubject, ChildDetails, ContactReceived } from '@mash/contracts';
import { bornBetweenFor } from '@mash/matching';

/**
 * The people an agency is asked to search for: every child (`child-<i>`) and every adult (`adult-<i>`),
 * with what the agency needs to find them and nothing else (no school, no concern about them). An
 * unborn child has no date of birth to search by. A child known only by an approximate age is searched
 * by the band of dates of birth it allows (`bornBetween`, as of when the contact was received).
 */
export function checkSubjects(
  contact: Pick<ContactReceived, 'children' | 'adults'> & { receivedAt?: string },
): CheckSubject[] {
  const asOf = contact.receivedAt ? new Date(contact.receivedAt) : null;
  return [
    ...contact.children.map((child, index) => childSubject(child, index, asOf)),
    ...(contact.adults ?? []).map((adult, index) => adultSubject(adult, index)),
  ];
}

function childSubject(child: ChildDetails, index: number, asOf: Date | null): CheckSubject {
  const bornBetween =
    !child.unborn && !child.dateOfBirth && child.approximateAge && asOf
      ? bornBetweenFor(child.approximateAge, asOf)
      : undefined;
  return withoutUndefined({
    subjectId: `child-${index}`,
    role: 'child',
    givenName: child.givenName,
    familyName: child.familyName,
    otherNames: child.otherNames,
    dateOfBirth: child.unborn ? undefined : child.dateOfBirth,
    bornBetween: bornBetween ?? undefined,
    gender: child.gender,
    address: child.address,
    nhsNumber: child.nhsNumber,
    upn: child.upn,
  });
}

function adultSubject(adult: AdultDetails, index: number): CheckSubject {
  return withoutUndefined({
    subjectId: `adult-${index}`,
    role: 'adult',
    givenName: adult.givenName,
    familyName: adult.familyName,
    // Aliases matter most for adults (police records); AdultDetails carries them, so they are passed on.
    otherNames: adult.otherNames,
    dateOfBirth: adult.dateOfBirth,
    gender: adult.gender,
    address: adult.address,
    nhsNumber: adult.nhsNumber,
    pncId: adult.pncId,
    relationship: adult.relationship,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
