import { memoised } from './memo';

/**
 * How a name is reduced before it is compared or turned into search keys. Records and referrals spell
 * the same name with and without accents (Zoë, Zoe), apostrophes (O'Brien, OBrien), hyphens
 * (Smith-Jones, Smith Jones) and particles (Al-Hassan, Hassan; van der Berg, Berg), so all of those
 * are reduced to plain lower-case letters split into parts.
 */

/**
 * Particles that begin family names in many languages. They are kept in the full name but never
 * stand alone as a name part: "Al" or "De" on its own says nothing about who someone is.
 */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'binti',
  'bint',
  'abu',
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'st',
  'ter',
]);

/** NFKD, accents and apostrophes dropped, anything else that is not a letter becomes a space, lower-cased. */
export function normaliseName(name: string | null | undefined): string {
  return name ? normalised(name) : '';
}

const normalised = memoised((name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[Łł]/g, 'l')
    .replace(/[Øø]/g, 'o')
    .replace(/[Đđ]/g, 'd')
    .replace(/[Ææ]/g, 'ae')
    .replace(/['’‘`´ʼ]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim(),
);

/**
 * The parts of a name: split on spaces and hyphens, particles dropped. A name of several parts also
 * yields the parts run together ("Mc Donald" and "McDonald", "Smith-Jones" and "Smithjones"), since
 * records write the same name both ways.
 */
export function nameParts(name: string | null | undefined): string[] {
  const words = normaliseName(name).split(' ').filter(Boolean);
  const parts = words.filter((word) => !PARTICLES.has(word));
  const out = new Set(parts.length ? parts : words);
  if (words.length > 1) out.add(words.join(''));
  return [...out];
}

/** The name parts without the run-together form: what a person would call the separate names. */
export function separateNameParts(name: string | null | undefined): string[] {
  const words = normaliseName(name).split(' ').filter(Boolean);
  const parts = words.filter((word) => !PARTICLES.has(word));
  return parts.length ? parts : words;
}

/** An alias or previous name, split into what is probably its given and family parts. */
export interface NameVariant {
  given: string;
  family: string;
}

/**
 * Reads an "other name" (API.md: otherNames): "Katie Smith" is a given and family name; a single word
 * may be either a given name someone is known by or a previous family name, so it is tried as both.
 */
export function otherNameVariants(otherName: string, person: { givenName: string; familyName: string }) {
  const words = normaliseName(otherName).split(' ').filter(Boolean);
  if (!words.length) return [];
  if (words.length === 1)
    return [
      { given: words[0], family: normaliseName(person.familyName) },
      { given: normaliseName(person.givenName), family: words[0] },
    ];
  return [{ given: words.slice(0, -1).join(' '), family: words[words.length - 1] }];
}
