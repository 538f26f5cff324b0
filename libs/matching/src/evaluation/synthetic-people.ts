import type { Address, ApproximateAge, Gender, SchoolYear } from '@mash/contracts';
import { isCalendarDate, transposeDayAndMonth } from '../date-of-birth-match';
import { NICKNAMES } from '../nicknames';
import {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  POSTCODE_AREAS,
  RARER_GIVEN_NAMES_FEMALE,
  RARER_GIVEN_NAMES_MALE,
  STREETS,
  SURNAME_HEADS,
  SURNAME_TAILS,
  TOWNS,
} from './synthetic-names';

/**
 * Synthetic people with known truth for the matching evaluation: households (a surname or two, an
 * address, parents and children, sometimes twins, sometimes a son named after his father), with the
 * identifiers an agency holds, aliases and previous names, and middle names. Then queries made from them
 * as a referrer would write them, with the errors referrals really carry, and queries about people the
 * agency has never heard of. Everything is drawn from a seeded generator, so a run can be repeated.
 * All names come from public name lists; no person is real.
 */
export interface SyntheticPerson {
  recordId: string;
  givenName: string;
  familyName: string;
  otherNames: string[];
  dateOfBirth: string;
  gender: Gender;
  /**
   * The address on the agency's record: about one in five is an old one, mostly because the family moved
   * after the agency last saw it, so a household's records go stale together.
   */
  address: Address;
  /** Where the person lives now (what a referral gives); not part of the record. */
  home: Address;
  /** Which household the person belongs to (the order it was drawn in); not part of the record. */
  household: number;
  nhsNumber: string | null;
  upn: string | null;
  pncId: string | null;
}

/** A person as a query gives them: the record's fields, without its id and the person's real home. */
export type QueriedPerson = Omit<SyntheticPerson, 'recordId' | 'home' | 'household'> & {
  /** Only with an approximate age instead of a date of birth (`age-given`). */
  bornBetween?: { earliest: string; latest: string } | null;
};

/** Mulberry32: small, fast, seeded; good enough to draw synthetic people. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** Draws from a list with weights falling as 1/rank^s (Zipf), as name frequencies do. */
export class ZipfPicker<T> {
  private readonly cumulative: number[] = [];
  constructor(
    private readonly items: readonly T[],
    exponent: number,
  ) {
    let total = 0;
    for (let rank = 1; rank <= items.length; rank++) this.cumulative.push((total += 1 / rank ** exponent));
  }
  pick(random: Random): T {
    const target = random.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return this.items[low];
  }
}

// Exponents chosen so the commonest names come out about as common as in England: Smith about 1.4 in
// 100 people (ONS: 1.3), the commonest given names about 3 in 100 of their sex.
const familyNames = new ZipfPicker(FAMILY_NAMES, 0.45);
const femaleNames = new ZipfPicker(GIVEN_NAMES_FEMALE, 0.5);
const maleNames = new ZipfPicker(GIVEN_NAMES_MALE, 0.5);

function familyName(random: Random): string {
  // Seven in ten from the common names, three in ten from a long tail of rarer ones.
  return random.chance(0.7)
    ? familyNames.pick(random)
    : random.pick(SURNAME_HEADS) + random.pick(SURNAME_TAILS);
}

function oneGivenName(random: Random, gender: Gender): string {
  if (random.chance(0.25))
    return random.pick(gender === 'male' ? RARER_GIVEN_NAMES_MALE : RARER_GIVEN_NAMES_FEMALE);
  return (gender === 'male' ? maleNames : femaleNames).pick(random);
}

function givenName(random: Random, gender: Gender): string {
  const first = oneGivenName(random, gender);
  if (!random.chance(0.15)) return first;
  const middle = oneGivenName(random, gender);
  return middle === first ? first : `${first} ${middle}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateBetween(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${pad(month)}-${pad(day)}`;
}

function address(random: Random): Address {
  const area = random.pick(POSTCODE_AREAS);
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return {
    line1: `${random.int(1, 240)} ${random.pick(STREETS)}`,
    town: random.pick(TOWNS),
    postcode: `${area}${random.int(1, 20)} ${random.int(1, 9)}${random.pick([...letters])}${random.pick([...letters])}`,
  };
}

/** A valid NHS number (modulus 11), from the 9xx range the NHS keeps for test data. */
export function nhsNumber(random: Random): string {
  for (;;) {
    const digits = [9, ...Array.from({ length: 8 }, () => random.int(0, 9))];
    const sum = digits.reduce((total, digit, index) => total + digit * (10 - index), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return digits.join('') + (check === 11 ? 0 : check);
  }
}

function upn(random: Random): string {
  return `${random.pick([...'ABCDEFGHJKLMNPQRTUVWXYZ'])}${Array.from({ length: 11 }, () => random.int(0, 9)).join('')}${random.int(0, 9)}`;
}

function pncId(random: Random, dateOfBirth: string): string {
  const year = Math.min(2025, Number(dateOfBirth.slice(0, 4)) + random.int(12, 30));
  return `${year}/${random.int(1, 999_999)}${random.pick([...'ABCDEFGHJKLMNPQRTUVWXYZ'])}`;
}

/**
 * An agency's people, household by household. `agencyIdentifiers` sets which identifiers its records
 * carry (a real node holds its own: NHS numbers in health, UPNs in education, PNC ids in police; the
 * evaluation gives its one agency all three at realistic rates).
 */
export function* syntheticPeople(seed: number, count: number, idPrefix = 'P'): Generator<SyntheticPerson> {
  const random = new Random(seed);
  let made = 0;
  for (let household = 0; made < count; household++) {
    for (const person of householdOf(random)) {
      if (made >= count) return;
      yield { ...person, household, recordId: `${idPrefix}${made++}` };
    }
  }
}

/** The share of households that moved after the agency last recorded them. */
const MOVED_SINCE_RECORDED = 0.25;
/** In such a household, the share of its members' records still at the previous home. */
const STILL_AT_PREVIOUS_HOME = 0.75;
/** The share of the other records that hold an address of their own (a stay elsewhere, a slip). */
const ADDRESS_OF_ITS_OWN = 0.03;

function householdOf(random: Random): Array<Omit<SyntheticPerson, 'recordId' | 'household'>> {
  const home = address(random);
  const previousHome = random.chance(MOVED_SINCE_RECORDED) ? address(random) : null;
  // About one record in five holds an old address (0.25 x 0.75 + 0.03 of the rest), mostly the family's.
  const recordedAddress = (): Address => {
    if (previousHome && random.chance(STILL_AT_PREVIOUS_HOME)) return previousHome;
    return random.chance(ADDRESS_OF_ITS_OWN) ? address(random) : home;
  };
  const surnameA = familyName(random);
  const surnameB = random.chance(0.6) ? surnameA : familyName(random);
  const people: Array<Omit<SyntheticPerson, 'recordId' | 'household'>> = [];
  const adult = (gender: Gender, surname: string) => {
    const dateOfBirth = dateBetween(random, 1958, 2003);
    people.push(person(random, gender, surname, dateOfBirth, home, recordedAddress(), true));
    return people[people.length - 1];
  };
  const mother = adult('female', surnameB);
  const father = random.chance(0.75) ? adult('male', surnameA) : null;
  const childSurname = (): string => {
    if (surnameA !== surnameB && random.chance(0.2)) return `${surnameA}-${surnameB}`;
    return father ? surnameA : surnameB;
  };
  const children = random.int(0, 4);
  const motherYear = Number(mother.dateOfBirth.slice(0, 4));
  for (let n = 0; n < children; n++) {
    const dateOfBirth = dateBetween(random, Math.max(2005, motherYear + 17), Math.min(2025, motherYear + 45));
    const gender: Gender = random.chance(0.5) ? 'female' : 'male';
    const surname = childSurname();
    const child = person(random, gender, surname, dateOfBirth, home, recordedAddress(), false);
    // A son named after his father (the classic junior/senior pair).
    if (father && gender === 'male' && random.chance(0.03)) child.givenName = father.givenName;
    people.push(child);
    // Twins: same date of birth, family name and address (about one birth in 60).
    if (random.chance(0.016)) {
      const twinGender: Gender = random.chance(0.5) ? 'female' : 'male';
      people.push(person(random, twinGender, surname, dateOfBirth, home, recordedAddress(), false));
    }
  }
  return people;
}

function person(
  random: Random,
  gender: Gender,
  surname: string,
  dateOfBirth: string,
  home: Address,
  recorded: Address,
  adult: boolean,
): Omit<SyntheticPerson, 'recordId' | 'household'> {
  const given = givenName(random, gender);
  const otherNames: string[] = [];
  if (adult && gender === 'female' && random.chance(0.12)) otherNames.push(familyName(random)); // a previous name
  if (random.chance(0.04))
    otherNames.push(`${random.pick(aliasGivenNames(given, gender, random))} ${surname}`);
  const age = 2026 - Number(dateOfBirth.slice(0, 4));
  return {
    givenName: given,
    familyName: surname,
    otherNames,
    dateOfBirth,
    gender,
    address: recorded,
    home,
    nhsNumber: random.chance(0.7) ? nhsNumber(random) : null,
    upn: age >= 4 && age <= 18 && random.chance(0.6) ? upn(random) : null,
    pncId: age >= 12 && random.chance(adult ? 0.08 : 0.02) ? pncId(random, dateOfBirth) : null,
  };
}

/** An alias: a nickname of the person's own name where one is known, else another given name entirely. */
function aliasGivenNames(given: string, gender: Gender, random: Random): string[] {
  const forms = nicknamesOf(given.split(' ')[0]);
  return forms.length ? forms : [oneGivenName(random, gender)];
}

function nicknamesOf(name: string): string[] {
  const lower = name.toLowerCase();
  const forms = new Set<string>();
  for (const [formal, nicknames] of Object.entries(NICKNAMES)) {
    if (formal === lower) for (const nickname of nicknames) forms.add(nickname);
    if (nicknames.includes(lower)) forms.add(formal);
  }
  forms.delete(lower);
  return [...forms].map((form) => form[0].toUpperCase() + form.slice(1));
}

/** People drawn household by household (they come one after another), a household at a time. */
export function* householdsOf(people: Iterable<SyntheticPerson>): Generator<SyntheticPerson[]> {
  let members: SyntheticPerson[] = [];
  for (const person of people) {
    if (members.length && members[0].household !== person.household) {
      yield members;
      members = [];
    }
    members.push(person);
  }
  if (members.length) yield members;
}

/** The day the evaluation's checks are made: no date of birth is after it. */
export const TODAY = '2026-11-26';

/** The errors a query can carry, one or two at a time. */
export const QUERY_ERRORS = [
  'none',
  'given-name-typo',
  'family-name-typo',
  'given-name-phonetic',
  'family-name-phonetic',
  'nickname',
  'names-swapped',
  'hyphenated-family-name-part',
  'middle-name-left-out',
  'date-of-birth-transposed',
  'date-of-birth-typo',
  'date-of-birth-missing',
  'alias-used',
  'moved-address',
  'identifier-given',
] as const;
export type QueryError = (typeof QUERY_ERRORS)[number];

export interface SyntheticQuery {
  /** The record the query is about, or null for someone the agency does not hold. */
  truth: string | null;
  /** The person as they really are (for the evaluation, not the search). */
  person: SyntheticPerson;
  errors: Array<QueryError | ExtraQueryError>;
  subject: QueriedPerson;
}

/** The address a referral gives for a whole household, and whether it is one the agency cannot know. */
export interface ReferralAddress {
  address: Address | null;
  moved: boolean;
}

/** A referral nearly always gives the household's address (the child's home); one in ten does not. */
function homeAsGiven(random: Random, home: Address): ReferralAddress {
  return { address: random.chance(0.9) ? home : null, moved: false };
}

/**
 * A referral about a household gives one address for all of it: the home as any referral gives it, or,
 * about as often as a single query carries the error `moved-address`, a new one the family has moved to.
 */
function referralAddressOf(random: Random, home: Address): ReferralAddress {
  if (random.chance(1 / 12)) return { address: address(random), moved: true };
  return homeAsGiven(random, home);
}

/** Queries about each member of a household, as one referral gives them. */
export function householdQueries(
  random: Random,
  members: SyntheticPerson[],
  known: boolean,
): SyntheticQuery[] {
  const referral = referralAddressOf(random, members[0].home);
  return members.map((person) => queryAbout(random, person, known, referral));
}

const DATE_OF_BIRTH_ERRORS: readonly QueryError[] = [
  'date-of-birth-transposed',
  'date-of-birth-typo',
  'date-of-birth-missing',
];

/**
 * A query about a person as a referral would give them: no identifiers unless `identifier-given`, the
 * household's address (not always), and one error (a quarter of queries two) drawn from QUERY_ERRORS
 * among those that can apply to that person.
 */
export function queryAbout(
  random: Random,
  person: SyntheticPerson,
  known: boolean,
  household?: ReferralAddress,
): SyntheticQuery {
  const { recordId: _recordId, home: _home, household: _household, ...details } = person;
  const referral = household ?? homeAsGiven(random, person.home);
  const subject: QueriedPerson = {
    ...details,
    otherNames: [],
    address: referral.address as Address,
    nhsNumber: null,
    upn: null,
    pncId: null,
  };
  // A household's move is the referral's, so it is one error of each of its subjects.
  const errors: Array<QueryError | ExtraQueryError> = referral.moved ? ['moved-address'] : [];
  const wanted = random.chance(0.25) ? 2 : 1;
  for (let attempt = 0; errors.length < wanted && attempt < 20; attempt++) {
    const error = random.pick(QUERY_ERRORS);
    if (errors.includes(error) || (error === 'none' && wanted > 1)) continue;
    if (household && error === 'moved-address') continue;
    // One thing wrong with the date of birth at a time.
    if (
      DATE_OF_BIRTH_ERRORS.includes(error) &&
      errors.some((other) => DATE_OF_BIRTH_ERRORS.includes(other as QueryError))
    )
      continue;
    if (applyError(random, error, subject, person)) errors.push(error);
  }
  return { truth: known ? person.recordId : null, person, errors, subject };
}

function applyError(
  random: Random,
  error: QueryError,
  subject: QueriedPerson,
  person: SyntheticPerson,
): boolean {
  switch (error) {
    case 'none':
      return true;
    case 'given-name-typo':
      return change(subject, 'givenName', typo(random, subject.givenName));
    case 'family-name-typo':
      return change(subject, 'familyName', typo(random, subject.familyName));
    case 'given-name-phonetic':
      return change(subject, 'givenName', phoneticMisspelling(random, subject.givenName));
    case 'family-name-phonetic':
      return change(subject, 'familyName', phoneticMisspelling(random, subject.familyName));
    case 'nickname': {
      const forms = nicknamesOf(subject.givenName.split(' ')[0]);
      return forms.length > 0 && change(subject, 'givenName', random.pick(forms));
    }
    case 'names-swapped': {
      const given = subject.givenName;
      subject.givenName = subject.familyName;
      subject.familyName = given;
      return true;
    }
    case 'hyphenated-family-name-part': {
      const parts = subject.familyName.split(/[-\s]+/);
      return parts.length > 1 && change(subject, 'familyName', random.pick(parts));
    }
    case 'middle-name-left-out': {
      const parts = subject.givenName.split(' ');
      return parts.length > 1 && change(subject, 'givenName', parts[0]);
    }
    case 'date-of-birth-transposed': {
      const transposed = subject.dateOfBirth ? transposeDayAndMonth(subject.dateOfBirth) : null;
      return !!transposed && change(subject, 'dateOfBirth', transposed);
    }
    case 'date-of-birth-typo': {
      if (!subject.dateOfBirth) return false;
      for (let attempt = 0; attempt < 10; attempt++) {
        const digits = subject.dateOfBirth.split('');
        const position = random.pick([2, 3, 3, 8, 9, 9]);
        digits[position] = String(random.int(0, 9));
        const date = digits.join('');
        // A form refuses a date in the future, so a slip that makes one is corrected before it is sent.
        if (date !== subject.dateOfBirth && isCalendarDate(date) && date <= TODAY)
          return change(subject, 'dateOfBirth', date);
      }
      return false;
    }
    case 'date-of-birth-missing':
      return change(subject, 'dateOfBirth', null as unknown as string);
    case 'alias-used': {
      if (!person.otherNames.length) return false;
      const alias = random.pick(person.otherNames).split(' ');
      if (alias.length === 1) return change(subject, 'familyName', alias[0]);
      subject.givenName = alias.slice(0, -1).join(' ');
      subject.familyName = alias[alias.length - 1];
      return true;
    }
    case 'moved-address':
      return change(subject, 'address', address(random));
    case 'identifier-given': {
      const options = (['nhsNumber', 'upn', 'pncId'] as const).filter((field) => person[field]);
      if (!options.length) return false;
      const field = random.pick(options);
      subject[field] = person[field];
      return true;
    }
  }
}

function change<K extends keyof QueriedPerson>(
  subject: QueriedPerson,
  field: K,
  value: QueriedPerson[K],
): boolean {
  if (value === subject[field]) return false;
  subject[field] = value;
  return true;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sqz',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

/**
 * One slip of the keyboard, never in the first letter: a letter doubled, dropped, swapped with the
 * next, or a neighbouring key hit. A letter is dropped only from names of five letters or more (Leo
 * is not written Lo; Jessica is written Jesica).
 */
export function typo(random: Random, name: string): string {
  const letters = name.split('');
  if (letters.length < 3) return name;
  const at = random.int(1, letters.length - 1);
  const kind = letters.length < 5 ? random.pick([0, 2, 3]) : random.int(0, 3);
  if (kind === 0) letters.splice(at, 0, letters[at]);
  else if (kind === 1) letters.splice(at, 1);
  else if (kind === 2 && at < letters.length - 1)
    [letters[at], letters[at + 1]] = [letters[at + 1], letters[at]];
  else {
    const lower = letters[at].toLowerCase();
    const neighbours = KEYBOARD_NEIGHBOURS[lower];
    if (!neighbours) return name;
    letters[at] = random.pick([...neighbours]);
  }
  return letters.join('');
}

/** Spellings that sound the same (what a name heard on the phone is written as). */
const SOUND_SWAPS: Array<[RegExp, string]> = [
  [/ph/i, 'f'],
  [/f/i, 'ph'],
  [/ck/i, 'k'],
  [/c(?=[aou])/i, 'k'],
  [/k/i, 'c'],
  [/y$/i, 'ie'],
  [/ie$/i, 'y'],
  [/ee/i, 'ea'],
  [/ou/i, 'ow'],
  [/s(?=[aeiou])/i, 'z'],
  [/z/i, 's'],
  [/th/i, 't'],
  [/([lmnt])\1/i, '$1'],
  [/([aeiou])([lmnt])([aeiou])/i, '$1$2$2$3'],
  [/son$/i, 'sen'],
  [/ey$/i, 'y'],
  [/ah$/i, 'a'],
  [/a$/i, 'ah'],
  [/oh/i, 'o'],
  [/i/i, 'y'],
  [/w/i, 'v'],
  [/mm/i, 'm'],
  [/ai/i, 'ay'],
  [/ae/i, 'ai'],
  [/ou/i, 'u'],
  [/ch/i, 'sh'],
  [/j/i, 'dj'],
  [/x/i, 'ks'],
];

export function phoneticMisspelling(random: Random, name: string): string {
  const applicable = SOUND_SWAPS.filter(([pattern]) => pattern.test(name.slice(1)));
  if (!applicable.length) return name;
  const [pattern, replacement] = random.pick(applicable);
  const rest = name.slice(1).replace(pattern, replacement);
  return name[0] + rest.toLowerCase();
}

/**
 * Beyond QUERY_ERRORS, drawn only when an evaluation asks for them (so the draws of QUERY_ERRORS, and
 * the figures measured on them, stay as they were): `age-given`, a child without a date of birth given
 * with an approximate age instead (`--ages`); `family-name-changed`, a child given under a wholly
 * different family name (a step-parent's, a mother's new name: `--changed-names`).
 */
export const EXTRA_QUERY_ERRORS = ['age-given', 'family-name-changed'] as const;
export type ExtraQueryError = (typeof EXTRA_QUERY_ERRORS)[number];

/**
 * The age a referrer gives for a child whose date of birth they do not know: for a school-age child
 * (4 to 16) half the time the school year (one in twenty a year out: a child taught out of year
 * group, a slip), otherwise the age in years (one in four a year out: a birthday just passed or
 * coming, a guess). `asOf`: the day of the referral.
 */
export function approximateAgeOf(random: Random, dateOfBirth: string, asOf: Date): ApproximateAge {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const had =
    asOf.getUTCMonth() + 1 > month || (asOf.getUTCMonth() + 1 === month && asOf.getUTCDate() >= day);
  const age = asOf.getUTCFullYear() - year - (had ? 0 : 1);
  const academicYearStart = asOf.getUTCMonth() >= 8 ? asOf.getUTCFullYear() : asOf.getUTCFullYear() - 1;
  // Born September Y to August Y+1: reception in the academic year starting Y + 5.
  const birthYearOfCohort = month >= 9 ? year : year - 1;
  const grade = academicYearStart - birthYearOfCohort - 5;
  if (age >= 4 && age <= 16 && grade >= 0 && grade <= 13 && random.chance(0.5)) {
    const given = random.chance(0.05) ? grade + random.pick([-1, 1]) : grade;
    if (given >= 1 && given <= 13) return { schoolYear: `year-${given}` as SchoolYear };
    if (given === 0) return { schoolYear: 'reception' };
  }
  const years = random.chance(0.25) ? age + random.pick([-1, 1]) : age;
  return { years: Math.min(17, Math.max(0, years)) };
}

/** Another family name, as a child may be known by after a parent's marriage or a move. */
export function anotherFamilyName(random: Random, familyName: string): string {
  for (;;) {
    const name = familyNames.pick(random);
    if (name.toLowerCase() !== familyName.toLowerCase()) return name;
  }
}
