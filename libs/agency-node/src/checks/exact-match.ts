/**
 * The automatic matching rule for now: the same given name, family name and date of birth, names
 * compared without regard to case or surrounding spaces. A subject without a date of birth is never
 * matched automatically: a name alone is too weak to disclose anything on. (Fuzzy matching, giving
 * `possible-match` candidates for a practitioner to review, comes later as a second rule beside this one.)
 */
export interface MatchablePerson {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
}

export interface ExactMatchKey {
  givenNameKey: string;
  familyNameKey: string;
  dateOfBirth: string;
}

/** How a name is stored for lookup and compared: NFC, trimmed, inner spaces collapsed, lower-cased. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key a subject is looked up by, or null when it cannot be matched automatically. */
export function exactMatchKey(person: MatchablePerson): ExactMatchKey | null {
  if (!person.dateOfBirth) return null;
  const givenNameKey = nameKey(person.givenName);
  const familyNameKey = nameKey(person.familyName);
  if (!givenNameKey || !familyNameKey) return null;
  return { givenNameKey, familyNameKey, dateOfBirth: person.dateOfBirth };
}

export function isExactMatch(subject: MatchablePerson, record: MatchablePerson): boolean {
  const a = exactMatchKey(subject);
  const b = exactMatchKey(record);
  return (
    !!a &&
    !!b &&
    a.givenNameKey === b.givenNameKey &&
    a.familyNameKey === b.familyNameKey &&
    a.dateOfBirth === b.dateOfBirth
  );
}
