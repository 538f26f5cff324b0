/**
 * Who a check's subject is, as lookup keys, so a practitioner sees what this agency said about the same
 * person in an earlier check (Northamptonshire 12: "retrieve the information that was shared previously
 * in order that this can be added to and updated"). A national identifier is enough on its own; a name
 * counts only with its date of birth. The migration that added check_subject_keys computes the same
 * keys for checks received before it.
 */
export interface IdentifiablePerson {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
  nhsNumber?: string | null;
  upn?: string | null;
  pncId?: string | null;
}

/** As exact-match stores names: NFC, trimmed, inner spaces collapsed, lower-cased. */
function normalisedName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function subjectIdentityKeys(person: IdentifiablePerson): string[] {
  const keys: string[] = [];
  if (person.nhsNumber && /^\d{10}$/.test(person.nhsNumber)) keys.push(`nhs:${person.nhsNumber}`);
  if (person.upn?.trim()) keys.push(`upn:${person.upn.trim().toUpperCase()}`);
  if (person.pncId?.trim()) keys.push(`pnc:${person.pncId.trim().toUpperCase()}`);
  const given = normalisedName(person.givenName ?? '');
  const family = normalisedName(person.familyName ?? '');
  if (person.dateOfBirth && given && family) keys.push(`person:${given}|${family}|${person.dateOfBirth}`);
  return keys;
}
