import { transposeDayAndMonth } from './date-of-birth-match';
import { normalisePostcode } from './address-match';
import { normaliseNhsNumber, normalisePncId, normaliseUpn } from './identifier-match';
import type { PersonToMatch } from './match-score';
import { nameParts, normaliseName } from './name-normalisation';
import { nicknameGroups } from './nicknames';
import { phoneticCodes } from './phonetic-codes';

/**
 * The blocking keys that find candidates among a million records without comparing against each one
 * (record linkage's "blocking"). Every record stores its keys in `agency_people.search_keys` (a GIN
 * index); a subject's search asks for any record sharing one of the subject's keys. A key joins a
 * phonetic code of a name part with part of the date of birth, so one key selects a few records:
 *
 * - `f:<code>|ym:<yyyy-mm>`, `f:<code>|yd:<yyyy-dd>`, `f:<code>|md:<mm-dd>`: a family-name part (or an
 *                          other name's part) sounds like X, born on a date that shares two of its
 *                          three parts with the subject's: finds one part mistyped (a digit, a year
 *                          out), with any given name (nicknames, a misspelt given name). A date that
 *                          agrees in one part only would score as a different date, which no name can
 *                          outweigh, so no key looks for it;
 * - `g:<code>|ym:<yyyy-mm>`, `g:<code>|yd:<yyyy-dd>`, `g:<code>|md:<mm-dd>`: a given-name part sounds
 *                          like X, born on a date sharing two of its three parts with the subject's:
 *                          finds a changed or misspelt family name, even with a date mistyped too;
 * - `k:<name>|d:<date>`   a given name that is a form of formal name X (nicknames.ts), born that day;
 * - `n:<code>|<code or k:name>` family and given name parts, no date: for a subject without a date
 *                          of birth (a one- or two-letter code with the name's first letter);
 * - `nhs:`, `upn:`, `pnc:` the agency identifiers, normalised;
 * - `pc:<postcode>`      the address's postcode: a subject without a date of birth is also looked for
 *                          among the people at its postcode whose name is similar by trigrams (a
 *                          misspelt name that the phonetic keys miss).
 *
 * A subject's keys are built from all its name parts in both roles, so a record is found with given
 * and family names swapped, and from its date of birth and that date with day and month transposed.
 * The same functions build both sides: a record's keys are computed once, here, when it is imported.
 */
export function recordSearchKeys(record: PersonToMatch): string[] {
  const keys = new Set<string>();
  const familyCodes = codesOf(familyParts(record));
  const givenParts = givenNameParts(record);
  const givenCodes = codesOf(givenParts);
  const groups = groupsOf(givenParts);
  const dob = record.dateOfBirth;
  if (dob) {
    for (const code of familyCodes) for (const part of datePairs(dob)) keys.add(`f:${code}|${part}`);
    for (const code of givenCodes) for (const part of datePairs(dob)) keys.add(`g:${code}|${part}`);
    for (const group of groups) keys.add(`k:${group}|d:${dob}`);
  }
  const familyPairCodes = pairCodesOf(familyParts(record));
  for (const family of familyPairCodes) {
    for (const given of pairCodesOf(givenParts)) keys.add(`n:${family}|${given}`);
    for (const group of groups) keys.add(`n:${family}|k:${group}`);
  }
  for (const key of identifierKeys(record)) keys.add(key);
  const postcode = postcodeKey(record);
  if (postcode) keys.add(postcode);
  return [...keys].sort();
}

/** The postcode key of a person's address, or null. */
export function postcodeKey(person: PersonToMatch): string | null {
  const postcode = normalisePostcode(person.address?.postcode);
  return postcode ? `pc:${postcode}` : null;
}

/** The keys a subject is searched by (see recordSearchKeys). */
export function subjectSearchKeys(subject: PersonToMatch): string[] {
  const keys = new Set<string>();
  const allParts = [...new Set([...familyParts(subject), ...givenNameParts(subject)])];
  const allCodes = codesOf(allParts);
  const dates = searchDates(subject);
  for (const date of dates) {
    for (const code of allCodes) {
      for (const part of datePairs(date)) {
        keys.add(`f:${code}|${part}`);
        keys.add(`g:${code}|${part}`);
      }
    }
    for (const group of groupsOf(allParts)) keys.add(`k:${group}|d:${date}`);
  }
  if (!dates.length) {
    // Both ways round: the subject's family parts against the record's family parts, and swapped.
    const families = [pairCodesOf(familyParts(subject)), pairCodesOf(givenNameParts(subject))];
    const givens = [givenNameParts(subject), familyParts(subject)];
    for (const [index, familyCodes] of families.entries()) {
      const givenCodes = pairCodesOf(givens[index]);
      const groups = groupsOf(givens[index]);
      for (const family of familyCodes) {
        for (const given of givenCodes) keys.add(`n:${family}|${given}`);
        for (const group of groups) keys.add(`n:${family}|k:${group}`);
      }
    }
  }
  for (const key of identifierKeys(subject)) keys.add(key);
  return [...keys].sort();
}

/** Two of the three parts of a date: year and month, year and day, month and day. */
function datePairs(date: string): string[] {
  const [year, month, day] = date.split('-');
  return [`ym:${year}-${month}`, `yd:${year}-${day}`, `md:${month}-${day}`];
}

/** The subject's date of birth and, when it makes another date, the same with day and month swapped. */
export function searchDates(subject: PersonToMatch): string[] {
  if (!subject.dateOfBirth) return [];
  const transposed = transposeDayAndMonth(subject.dateOfBirth);
  return transposed ? [subject.dateOfBirth, transposed] : [subject.dateOfBirth];
}

/** The name compared by trigram similarity (pg_trgm): given and family names, normalised. */
export function searchName(person: PersonToMatch): string {
  return `${normaliseName(person.givenName)} ${normaliseName(person.familyName)}`.trim();
}

function familyParts(person: PersonToMatch): string[] {
  const parts = new Set(nameParts(person.familyName));
  for (const other of person.otherNames ?? []) for (const part of nameParts(other)) parts.add(part);
  return [...parts];
}

function givenNameParts(person: PersonToMatch): string[] {
  const parts = new Set(nameParts(person.givenName));
  for (const other of person.otherNames ?? []) for (const part of nameParts(other)) parts.add(part);
  return [...parts];
}

function codesOf(parts: string[]): string[] {
  const codes = new Set<string>();
  for (const part of parts) for (const code of phoneticCodes(part)) codes.add(code);
  return [...codes];
}

/**
 * Codes for the names-only keys. A code of one or two letters (Ali, Ella and Eli are all "AL") says
 * too little without a date to narrow it, so it carries the name's first letter too ("AL~a").
 */
function pairCodesOf(parts: string[]): string[] {
  const codes = new Set<string>();
  for (const part of parts)
    for (const code of phoneticCodes(part)) codes.add(code.length < 3 ? `${code}~${part[0]}` : code);
  return [...codes];
}

function groupsOf(parts: string[]): string[] {
  const groups = new Set<string>();
  for (const part of parts) for (const group of nicknameGroups(part)) groups.add(group);
  return [...groups];
}

function identifierKeys(person: PersonToMatch): string[] {
  const keys: string[] = [];
  const nhs = normaliseNhsNumber(person.nhsNumber);
  if (nhs) keys.push(`nhs:${nhs}`);
  const upn = normaliseUpn(person.upn);
  if (upn) keys.push(`upn:${upn}`);
  const pnc = normalisePncId(person.pncId);
  if (pnc) keys.push(`pnc:${pnc}`);
  return keys;
}

/** What is stored with each person for the search (agency_people.search_keys and search_name). */
export function personSearchColumns(person: PersonToMatch): { searchKeys: string[]; searchName: string } {
  return { searchKeys: recordSearchKeys(person), searchName: searchName(person) };
}
