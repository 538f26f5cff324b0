import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { areNicknames } from './nicknames';
import { normaliseName, otherNameVariants, separateNameParts } from './name-normalisation';
import { soundAlike } from './phonetic-codes';

/**
 * How closely two given names, or two family names, agree, strongest first:
 * - `exact`: the same after normalisation (case, accents, apostrophes, spaces and hyphens);
 * - `part`: one of the parts agrees (a middle name left out, one half of a hyphenated or double family name);
 * - `nickname`: a known short form or other-language form of the same name (nicknames.ts);
 * - `sounds-alike`: the same Double Metaphone code and a Jaro-Winkler similarity of at least
 *   SOUNDS_ALIKE_MIN_SIMILARITY (so John and Jane, which share a code, do not count);
 * - `similar`: spelt nearly the same: Jaro-Winkler at least SIMILAR_MIN_SIMILARITY, or one letter
 *   added, dropped, changed or two swapped (a typing slip), or two such edits in a longer name that
 *   stays close (a sound spelt another way);
 * - `initial`: one side gives only the initial of the other (given names only);
 * - `different`; `missing` when either side has no name.
 */
export type NameAgreement =
  'exact' | 'part' | 'nickname' | 'sounds-alike' | 'similar' | 'initial' | 'different' | 'missing';

export interface NameComparison {
  agreement: NameAgreement;
  /** Jaro-Winkler similarity of the closest parts, 0..1 (1 for exact). */
  similarity: number;
}

/** Shared code is not enough: Double Metaphone keeps only consonants, so John and Jane share "JN". */
export const SOUNDS_ALIKE_MIN_SIMILARITY = 0.75;
/** Jaro-Winkler at or above which two names are taken as the same name misspelt. */
export const SIMILAR_MIN_SIMILARITY = 0.9;
/**
 * A one-letter slip counts in names this long. In a three-letter name it is weak evidence (Ana, Anz;
 * but also Ava, Ada): it counts at the lowest weight of a similar name, never enough for a match alone.
 */
const ONE_SLIP_MIN_LENGTH = 3;
/** Two edits count as a misspelling only in names of five letters or more that stay this similar. */
const TWO_SLIPS_MIN_LENGTH = 5;
const TWO_SLIPS_MIN_SIMILARITY = 0.85;

export function compareGivenNames(
  a: string | null | undefined,
  b: string | null | undefined,
): NameComparison {
  return compareNames(a, b, 'given');
}

export function compareFamilyNames(
  a: string | null | undefined,
  b: string | null | undefined,
): NameComparison {
  return compareNames(a, b, 'family');
}

function compareNames(
  a: string | null | undefined,
  b: string | null | undefined,
  kind: 'given' | 'family',
): NameComparison {
  const left = normaliseName(a);
  const right = normaliseName(b);
  if (!left || !right) return { agreement: 'missing', similarity: 0 };
  const joinedLeft = left.replace(/ /g, '');
  const joinedRight = right.replace(/ /g, '');
  if (left === right || joinedLeft === joinedRight) return { agreement: 'exact', similarity: 1 };

  const leftParts = separateNameParts(left);
  const rightParts = separateNameParts(right);
  if (leftParts.some((part) => rightParts.includes(part))) return { agreement: 'part', similarity: 1 };

  // The closest pair of parts, or the whole names run together (Mc Donald, Macdonald).
  const pairs: Array<[string, string]> = [[joinedLeft, joinedRight]];
  for (const l of leftParts) for (const r of rightParts) pairs.push([l, r]);
  let similarity = 0;
  for (const [l, r] of pairs) similarity = Math.max(similarity, jaroWinkler(l, r));

  if (kind === 'given' && pairs.some(([l, r]) => areNicknames(l, r)))
    return { agreement: 'nickname', similarity };
  if (pairs.some(([l, r]) => soundAlike(l, r) && jaroWinkler(l, r) >= SOUNDS_ALIKE_MIN_SIMILARITY))
    return { agreement: 'sounds-alike', similarity };
  if (similarity >= SIMILAR_MIN_SIMILARITY || pairs.some(([l, r]) => oneSlipApart(l, r)))
    return { agreement: 'similar', similarity };
  if (kind === 'given' && isInitialOf(leftParts, rightParts)) return { agreement: 'initial', similarity };
  return { agreement: 'different', similarity };
}

function oneSlipApart(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  if (length < ONE_SLIP_MIN_LENGTH) return false;
  const distance = damerauLevenshtein(a, b);
  if (distance <= 1) return true;
  // Two edits in a longer name, when the spelling stays close: a sound written another way that
  // Double Metaphone codes apart (Hoksha for Hoxha, Griphfiths for Griffiths).
  return (
    distance === 2 &&
    length >= TWO_SLIPS_MIN_LENGTH &&
    distance / Math.max(a.length, b.length) <= 1 / 3 &&
    jaroWinkler(a, b) >= TWO_SLIPS_MIN_SIMILARITY
  );
}

function isInitialOf(left: string[], right: string[]): boolean {
  const initial = (parts: string[]) => parts.length === 1 && parts[0].length === 1;
  if (initial(left)) return right.some((part) => part[0] === left[0]);
  if (initial(right)) return left.some((part) => part[0] === right[0]);
  return false;
}

/** Whose names are being compared: the recorded names, the names swapped, or an other name (alias). */
export type NameRoute = 'names' | 'swapped' | 'record-other-name' | 'subject-other-name';

export interface PersonNames {
  givenName: string;
  familyName: string;
  otherNames?: readonly string[] | null;
}

export interface NamePairing {
  route: NameRoute;
  given: NameComparison;
  family: NameComparison;
}

/**
 * Every way the subject's names may line up with the record's: as given, given and family swapped
 * (a form filled in the wrong way round, or a culture that puts the family name first), the record's
 * other names (aliases, previous names) and the subject's. The scorer keeps the best.
 */
export function namePairings(subject: PersonNames, record: PersonNames): NamePairing[] {
  const pairings: NamePairing[] = [
    {
      route: 'names',
      given: compareGivenNames(subject.givenName, record.givenName),
      family: compareFamilyNames(subject.familyName, record.familyName),
    },
    {
      route: 'swapped',
      given: compareGivenNames(subject.familyName, record.givenName),
      family: compareFamilyNames(subject.givenName, record.familyName),
    },
  ];
  for (const other of record.otherNames ?? [])
    for (const variant of otherNameVariants(other, record))
      pairings.push({
        route: 'record-other-name',
        given: compareGivenNames(subject.givenName, variant.given),
        family: compareFamilyNames(subject.familyName, variant.family),
      });
  for (const other of subject.otherNames ?? [])
    for (const variant of otherNameVariants(other, subject))
      pairings.push({
        route: 'subject-other-name',
        given: compareGivenNames(variant.given, record.givenName),
        family: compareFamilyNames(variant.family, record.familyName),
      });
  return pairings;
}
