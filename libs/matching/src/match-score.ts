import type { Address, DateOfBirthRange, Gender, MatchConfidence, SubjectRole } from '@mash/contracts';
import { AddressAgreement, compareAddresses } from './address-match';
import { AgeBandAgreement, bandDays, compareWithBand } from './age-band';
import { compareDatesOfBirth, DateOfBirthAgreement } from './date-of-birth-match';
import {
  compareIdentifiers,
  IdentifierAgreement,
  IdentifierName,
  PersonIdentifiers,
} from './identifier-match';
import {
  NameAgreement,
  NameComparison,
  NamePairing,
  namePairings,
  NameRoute,
  PersonNames,
  SOUNDS_ALIKE_MIN_SIMILARITY,
} from './name-similarity';

/**
 * How a candidate record is scored against a subject of a check. Each comparison adds evidence for or
 * against, in bits (log2 of how much likelier that outcome is for the same person than for another, the
 * Fellegi-Sunter model of record linkage): a family name that agrees exactly is about 2^7 times likelier
 * between two records of one person than between two records picked from the candidates; a date of birth
 * that differs is about 2^10 times likelier between two people. The weights below are set by hand from
 * that reasoning and checked against the synthetic evaluation (docs/matching.md), not fitted.
 */
export interface PersonToMatch extends PersonNames, PersonIdentifiers {
  /** A check's subject is a child or an adult of the household (CheckSubject.role). */
  role?: SubjectRole | null;
  dateOfBirth?: string | null;
  /** Without a date of birth: the dates of birth an approximate age allows (age-band.ts). */
  bornBetween?: DateOfBirthRange | null;
  gender?: Gender | null;
  address?: Address | null;
}

type FixedAgreement = Exclude<NameAgreement, 'sounds-alike' | 'similar'>;

export const GIVEN_NAME_WEIGHTS: Readonly<Record<FixedAgreement, number>> = {
  exact: 6,
  part: 4.5,
  nickname: 4.5,
  initial: 1,
  // A different given name with everything else agreeing is the classic sibling or twin.
  different: -9,
  missing: 0,
};

export const FAMILY_NAME_WEIGHTS: Readonly<Record<FixedAgreement, number>> = {
  exact: 7,
  part: 5.5,
  nickname: 0,
  initial: 0,
  // Less than a given name: children are recorded under either parent's or a step-parent's name.
  different: -6,
  missing: 0,
};

/**
 * Names that sound alike or are spelt similarly count for more the closer they are (Winkler's
 * adjustment of agreement weights by the string comparator, 1990): from `lowest` at a Jaro-Winkler
 * similarity of SOUNDS_ALIKE_MIN_SIMILARITY up to `highest` at 1. Short given names that share a sound
 * (Amy, Ama: 0.82) count little; a one-letter slip in a long family name (Kowalski, Kowalsky) nearly
 * as much as the name itself.
 */
export const GIVEN_NAME_ALIKE_WEIGHTS = { lowest: 1.5, highest: 5 } as const;
export const FAMILY_NAME_ALIKE_WEIGHTS = { lowest: 2.5, highest: 6 } as const;

export function givenNameWeight(comparison: NameComparison): number {
  return nameWeight(comparison, GIVEN_NAME_WEIGHTS, GIVEN_NAME_ALIKE_WEIGHTS);
}

export function familyNameWeight(comparison: NameComparison): number {
  return nameWeight(comparison, FAMILY_NAME_WEIGHTS, FAMILY_NAME_ALIKE_WEIGHTS);
}

function nameWeight(
  comparison: NameComparison,
  fixed: Readonly<Record<FixedAgreement, number>>,
  alike: { lowest: number; highest: number },
): number {
  const { agreement, similarity } = comparison;
  if (agreement !== 'sounds-alike' && agreement !== 'similar') return fixed[agreement];
  const position = (similarity - SOUNDS_ALIKE_MIN_SIMILARITY) / (1 - SOUNDS_ALIKE_MIN_SIMILARITY);
  const clamped = Math.min(1, Math.max(0, position));
  return Math.round((alike.lowest + (alike.highest - alike.lowest) * clamped) * 100) / 100;
}

export const DATE_OF_BIRTH_WEIGHTS: Readonly<Record<DateOfBirthAgreement, number>> = {
  same: 8,
  transposed: 5,
  typo: 4,
  different: -10,
  missing: 0,
};

/** Small costs for lining names up other than as given: each is a plausible error, but a less common one. */
export const NAME_ROUTE_WEIGHTS: Readonly<Record<NameRoute, number>> = {
  names: 0,
  swapped: -1,
  'record-other-name': -0.5,
  'subject-other-name': -0.5,
};

export const IDENTIFIER_AGREES_WEIGHT = 14;
export const IDENTIFIER_DIFFERS_WEIGHT = -12;
export const ADDRESS_WEIGHTS: Readonly<Record<AddressAgreement, number>> = {
  'same-address': 3.5,
  'same-postcode': 2.5,
  different: 0,
  missing: 0,
};
/**
 * A MASH check asks about a household: a child and the adults and children living with them. A
 * candidate at the same address as a record matched (`match`) for another subject of the check is
 * probably of that household, so the household stands in for an address the referral did not give or
 * gave as it is now: in all HOUSEHOLD_WEIGHT bits, of which the agreement with the referral's address,
 * where there was any, is already counted (the same evidence is not counted twice).
 */
export const HOUSEHOLD_WEIGHT = ADDRESS_WEIGHTS['same-address'];
/** Recorded sex differs (both female or male): strong, not conclusive (recording errors, transition). */
export const GENDER_DIFFERS_WEIGHT = -3;
/**
 * A subject without a date of birth is still a child or an adult (under 18, or 18 and over): a record
 * whose age says otherwise is probably a namesake of another generation. The ages overlap a little (a
 * record's date of birth may be wrong; care leavers; 16- and 17-year-old parents), so the evidence is
 * graded: a record in the band next to the subject's role (a child subject, a record aged 18 to
 * CHILD_SUBJECT_MAX_RECORD_AGE - 1; an adult subject, a record aged ADULT_SUBJECT_MIN_RECORD_AGE to 17)
 * is unlikely to be them (AGE_UNLIKELY_FOR_ROLE_WEIGHT: about six times less likely than a record of the
 * role's own ages); beyond the band it contradicts the role (AGE_CONTRADICTS_ROLE_WEIGHT).
 */
export type AgeForRole = 'fits' | 'unlikely' | 'contradicts' | 'unknown';
export const AGE_CONTRADICTS_ROLE_WEIGHT = -5;
export const AGE_UNLIKELY_FOR_ROLE_WEIGHT = -2.5;
export const ADULT_AGE = 18;
export const CHILD_SUBJECT_MAX_RECORD_AGE = 21;
export const ADULT_SUBJECT_MIN_RECORD_AGE = 14;

/**
 * A subject without a date of birth but with an approximate age (a band of dates of birth, age-band.ts):
 * a record born inside the band is as much likelier to be them as the band is narrow among a child's
 * 18 years (a school year, one year of 18: about 4 bits; an age in years widened to three years: about
 * 2.6), within AGE_BAND_WITHIN_WEIGHT_RANGE; a record within a year of the band (an age misjudged, a
 * child taught out of year group) counts a little against; one further away counts strongly against,
 * though less than a date of birth that differs, since the age was a guess.
 */
export const AGE_BAND_SPAN_DAYS = 18 * 365.25;
export const AGE_BAND_WITHIN_WEIGHT_RANGE = { lowest: 1, highest: 4 } as const;
export const AGE_BAND_NEAR_WEIGHT = -1;
export const AGE_BAND_OUTSIDE_WEIGHT = -7;

export function ageBandWithinWeight(band: DateOfBirthRange): number {
  const bits = Math.log2(AGE_BAND_SPAN_DAYS / Math.max(1, bandDays(band)));
  const { lowest, highest } = AGE_BAND_WITHIN_WEIGHT_RANGE;
  return Math.round(Math.min(highest, Math.max(lowest, bits)) * 100) / 100;
}

/**
 * Children's family names change (a step-parent's name, a mother's new name, one taken at school), so a
 * record with the same given name (exact, a part of it, or a nickname), the same date of birth and the
 * same address, or at the address of another subject's match (the household), but a wholly different
 * family name, counts its family name this much (instead of FAMILY_NAME_WEIGHTS.different): together a
 * possible match (exact given name 6, date of birth 8, address 3.5: 15.5 bits), never a `match` (the
 * family name is not close). Without the same address or household it is not: a namesake born the same
 * day elsewhere is the commoner explanation. Same given name, date of birth and address is rare between
 * two people (twins differ in given name), so it does not bring namesakes in.
 */
export const FAMILY_NAME_CHANGED_WEIGHT = -2;
export const FAMILY_NAME_CHANGED_MIN_GIVEN_NAME_WEIGHT = 4.5;

/**
 * A match needs the names to agree closely, not only enough evidence in total: each name at least
 * this much (a given name spelt similarly at 0.9, a family name spelt similarly at 0.89), unless an
 * identifier agrees. A short given name one letter out (Ava, Ada) is left to a practitioner.
 */
export const MATCH_MIN_GIVEN_NAME_WEIGHT = 3.5;
export const MATCH_MIN_FAMILY_NAME_WEIGHT = 4;

/**
 * The match line: at or above it, and with the date of birth agreeing exactly or an identifier agreeing,
 * the record is a `match`, shared without a practitioner confirming it. Exact names and date of birth
 * (21 bits) are a match; so are a nickname, a one-letter slip in one name, or half of a double family
 * name, with the other name and the date of birth exact. Two approximate names are not.
 */
export const MATCH_LINE = 18;
/**
 * The possible-match line: at or above it (and below the match line, or without the date of birth or an
 * identifier to settle it) a practitioner must confirm the record. Below it the record is not reported.
 * Both names exact without a date of birth (13 bits) are a possible match, as are exact names with the
 * date of birth one digit out (17) or a nickname with it (15.5); twins (one family name, date of birth
 * and address, different given names: 9.5 bits) are not, nor is one approximate name with a date one
 * digit out and nothing else (about 11). Set at 12 from the synthetic evaluation at a million people
 * (docs/matching.md): at 10, recall rose by under one point and precision fell by nearly four.
 */
export const POSSIBLE_MATCH_LINE = 12;
/** How far (in bits: 3 is eight times likelier) a match must stand above any other candidate of the subject. */
export const MATCH_MARGIN = 3;

/** The score reported with a candidate: the evidence mapped onto 0..1, the possible-match line at 0.5 and the match line at 0.9. */
export function scoreFromWeight(weight: number): number {
  const steepness = Math.log(9) / (MATCH_LINE - POSSIBLE_MATCH_LINE);
  return Math.round(10_000 / (1 + Math.exp(-steepness * (weight - POSSIBLE_MATCH_LINE)))) / 10_000;
}

export interface MatchEvidence {
  names: NamePairing;
  dateOfBirth: DateOfBirthAgreement;
  identifiers: IdentifierAgreement[];
  address: AddressAgreement;
  genderDiffers: boolean;
  /** Only for a subject without a date of birth (otherwise `unknown`): how the record's age fits the subject's role. */
  ageForRole: AgeForRole;
  /** The record is at the address of a record matched for another subject of the check (addHouseholdEvidence). */
  household: boolean;
  /** Only for a subject with an approximate age and no date of birth: how the record's date of birth fits it. */
  ageBand: AgeBandAgreement;
  /** The band's own weight when within it (ageBandWithinWeight), 0 otherwise. */
  ageBandWeight: number;
}

export interface CandidateScore {
  evidence: MatchEvidence;
  /** Evidence in bits, the sum of the contributions. */
  weight: number;
  score: number;
  /** null: below the possible-match line, not reported. */
  confidence: MatchConfidence | null;
  /** One line per contribution, naming fields, never values. */
  reasons: string[];
}

/** `asOf`: the day the check is made, for comparing a subject's role with a record's age. */
export function scoreCandidate(subject: PersonToMatch, record: PersonToMatch, asOf?: Date): CandidateScore {
  const pairings = namePairings(subject, record);
  let names = pairings[0];
  for (const pairing of pairings) if (namesWeight(pairing) > namesWeight(names)) names = pairing;
  const evidence: MatchEvidence = {
    names,
    dateOfBirth: compareDatesOfBirth(subject.dateOfBirth, record.dateOfBirth),
    identifiers: compareIdentifiers(subject, record),
    address: compareAddresses(subject.address, record.address),
    genderDiffers: sexDiffers(subject.gender, record.gender),
    ageForRole:
      subject.dateOfBirth || subject.bornBetween
        ? 'unknown'
        : ageForRole(subject.role, record.dateOfBirth, asOf),
    household: false,
    ageBand: subject.dateOfBirth ? 'unknown' : compareWithBand(subject.bornBetween, record.dateOfBirth),
    ageBandWeight: 0,
  };
  if (evidence.ageBand === 'within' && subject.bornBetween)
    evidence.ageBandWeight = ageBandWithinWeight(subject.bornBetween);
  return decide(evidence, contributions(evidence));
}

/**
 * Whether a record could reach the possible-match line at all, from its date of birth and identifiers
 * alone, with the best the names and address could add: a cheap test that spares scoring the names of
 * candidates that cannot be reported (born on another date, with no identifier agreeing).
 */
export function mayReachPossibleMatch(subject: PersonToMatch, record: PersonToMatch): boolean {
  const identifiers = compareIdentifiers(subject, record).reduce(
    (sum, { agreement }) =>
      sum + (agreement === 'agrees' ? IDENTIFIER_AGREES_WEIGHT : IDENTIFIER_DIFFERS_WEIGHT),
    0,
  );
  const best =
    GIVEN_NAME_WEIGHTS.exact +
    FAMILY_NAME_WEIGHTS.exact +
    ADDRESS_WEIGHTS['same-address'] +
    (subject.bornBetween && !subject.dateOfBirth ? AGE_BAND_WITHIN_WEIGHT_RANGE.highest : 0) +
    DATE_OF_BIRTH_WEIGHTS[compareDatesOfBirth(subject.dateOfBirth, record.dateOfBirth)] +
    identifiers;
  return best >= POSSIBLE_MATCH_LINE;
}

/** Evidence from the names alone, as lined up by one pairing. */
export function namesWeight(pairing: NamePairing): number {
  return (
    givenNameWeight(pairing.given) + familyNameWeight(pairing.family) + NAME_ROUTE_WEIGHTS[pairing.route]
  );
}

interface Contribution {
  weight: number;
  reason: string;
}

function contributions(evidence: MatchEvidence): Contribution[] {
  const out: Contribution[] = [];
  const { names } = evidence;
  if (names.route !== 'names')
    out.push({ weight: NAME_ROUTE_WEIGHTS[names.route], reason: ROUTE_REASONS[names.route] });
  out.push({
    weight: givenNameWeight(names.given),
    reason: nameReason('given name', names.given.agreement, names.given.similarity),
  });
  if (familyNameChanged(evidence))
    out.push({
      weight: FAMILY_NAME_CHANGED_WEIGHT,
      reason:
        'family name differs, with the same given name, date of birth and address or household: perhaps a changed family name (a step-parent’s, a mother’s new name, one taken at school)',
    });
  else
    out.push({
      weight: familyNameWeight(names.family),
      reason: nameReason('family name', names.family.agreement, names.family.similarity),
    });
  out.push({
    weight: DATE_OF_BIRTH_WEIGHTS[evidence.dateOfBirth],
    reason: DATE_OF_BIRTH_REASONS[evidence.dateOfBirth],
  });
  for (const { identifier, agreement } of evidence.identifiers)
    out.push({
      weight: agreement === 'agrees' ? IDENTIFIER_AGREES_WEIGHT : IDENTIFIER_DIFFERS_WEIGHT,
      reason: `${IDENTIFIER_LABELS[identifier]} ${agreement === 'agrees' ? 'agrees' : 'differs'}`,
    });
  if (ADDRESS_WEIGHTS[evidence.address])
    out.push({ weight: ADDRESS_WEIGHTS[evidence.address], reason: ADDRESS_REASONS[evidence.address] });
  if (evidence.household)
    out.push({
      weight: HOUSEHOLD_WEIGHT - ADDRESS_WEIGHTS[evidence.address],
      reason: 'at the address of the record matched for another person of this check',
    });
  if (evidence.genderDiffers) out.push({ weight: GENDER_DIFFERS_WEIGHT, reason: 'recorded sex differs' });
  if (evidence.ageBand === 'within')
    out.push({
      weight: evidence.ageBandWeight,
      reason: 'the record’s date of birth fits the approximate age given',
    });
  if (evidence.ageBand === 'near')
    out.push({
      weight: AGE_BAND_NEAR_WEIGHT,
      reason: 'the record’s date of birth is within a year of the approximate age given',
    });
  if (evidence.ageBand === 'outside')
    out.push({
      weight: AGE_BAND_OUTSIDE_WEIGHT,
      reason: 'the record’s date of birth does not fit the approximate age given',
    });
  if (evidence.ageForRole === 'contradicts')
    out.push({
      weight: AGE_CONTRADICTS_ROLE_WEIGHT,
      reason: 'the record’s age does not fit the subject being a child or an adult',
    });
  if (evidence.ageForRole === 'unlikely')
    out.push({
      weight: AGE_UNLIKELY_FOR_ROLE_WEIGHT,
      reason: 'the record’s age is unusual for the subject being a child or an adult',
    });
  return out;
}

/** A wholly different family name beside the same given name, date of birth and address or household. */
function familyNameChanged(evidence: MatchEvidence): boolean {
  return (
    evidence.names.family.agreement === 'different' &&
    givenNameWeight(evidence.names.given) >= FAMILY_NAME_CHANGED_MIN_GIVEN_NAME_WEIGHT &&
    evidence.dateOfBirth === 'same' &&
    (evidence.address === 'same-address' || evidence.household)
  );
}

/**
 * Weight to confidence, with caps: without an exact date of birth or an agreeing identifier a record is
 * never more than a possible match (a name alone, a transposed or mistyped date, must be confirmed by a
 * person before anything is shared); neither is one whose identifier differs, nor one whose names agree
 * only loosely (MATCH_MIN_GIVEN_NAME_WEIGHT, MATCH_MIN_FAMILY_NAME_WEIGHT) unless an identifier agrees.
 */
function decide(evidence: MatchEvidence, parts: Contribution[], extra: Contribution[] = []): CandidateScore {
  const all = [...parts, ...extra];
  const weight = all.reduce((sum, part) => sum + part.weight, 0);
  const identified = evidence.identifiers.some((identifier) => identifier.agreement === 'agrees');
  const closeNames =
    givenNameWeight(evidence.names.given) >= MATCH_MIN_GIVEN_NAME_WEIGHT &&
    familyNameWeight(evidence.names.family) >= MATCH_MIN_FAMILY_NAME_WEIGHT;
  const settled = identified || (evidence.dateOfBirth === 'same' && closeNames);
  const contradicted = evidence.identifiers.some((identifier) => identifier.agreement === 'differs');
  let confidence: MatchConfidence | null = null;
  if (weight >= MATCH_LINE && settled && !contradicted) confidence = 'match';
  else if (weight >= POSSIBLE_MATCH_LINE) confidence = 'possible-match';
  return {
    evidence,
    weight,
    score: scoreFromWeight(weight),
    confidence,
    reasons: all.map((part) => part.reason).filter(Boolean),
  };
}

/** Adds the household evidence (HOUSEHOLD_WEIGHT) to a candidate at the address of another subject's match. */
export function addHouseholdEvidence(candidate: ScoredRecord): ScoredRecord {
  if (candidate.evidence.household || candidate.evidence.address === 'same-address') return candidate;
  const evidence = { ...candidate.evidence, household: true };
  return { ...candidate, ...decide(evidence, contributions(evidence)) };
}

/** A candidate of one subject, scored. */
export interface ScoredRecord extends CandidateScore {
  recordId: string;
  record: PersonToMatch;
}

/**
 * Adjustments that need all of one subject's candidates at once, in this order:
 * - names without a date of birth: when several records agree on the names, each counts for its share
 *   of them: its evidence drops by log2 of the sum, over those records, of 2^(their weight - its weight)
 *   (log2 of k for k records alike). A name shared by one other record alone stays a possible match;
 *   a commoner one needs the address, an identifier or the age to tell the records apart, and the one
 *   that has it keeps its place;
 * - a record that shares its family name and date of birth with another candidate whose given name
 *   agrees more closely is probably that child's sibling or twin: it is demoted one step; so is one of
 *   the subject's household (for a subject without a date of birth: a record at the referral's address
 *   with the same family name) beside a member whose given name agrees more closely;
 * - a `match` stays one only if no other reported record (siblings aside) comes within MATCH_MARGIN of
 *   it: two records that fit the subject about as well (two people of one name born on one day, one
 *   person recorded twice, or a near namesake born on the date as given beside the subject's own record
 *   with day and month transposed) are for a practitioner to tell apart, never shared on automatically;
 * - a candidate that nothing beyond the names ties to the subject (an exact date of birth, the same
 *   postcode, an identifier, the household) is a namesake, and dropped, when a record is still a
 *   `match`, or when another candidate fits MATCH_MARGIN or more better (eight times likelier): a
 *   namesake with a near date of birth elsewhere beside the record at the referral's address.
 */
export function decideAmongCandidates(scored: ScoredRecord[]): ScoredRecord[] {
  const nameOnly = scored.filter(
    (candidate) => candidate.evidence.dateOfBirth === 'missing' && candidate.confidence,
  );
  const shared = scored.map((candidate) => {
    if (!nameOnly.includes(candidate) || nameOnly.length < 2) return candidate;
    const rivals = nameOnly.reduce((sum, other) => sum + 2 ** (other.weight - candidate.weight), 0);
    const extra = {
      weight: -Math.round(Math.log2(rivals) * 100) / 100,
      reason: `${nameOnly.length - 1} other record(s) agree on the names too, with no date of birth to tell them apart`,
    };
    return { ...candidate, ...decide(candidate.evidence, contributions(candidate.evidence), [extra]) };
  });
  const separated = shared.map((candidate): ScoredRecord => {
    if (!candidate.confidence) return candidate;
    const closerSibling = shared.some(
      (other) =>
        other !== candidate &&
        other.confidence &&
        (other.record.dateOfBirth === candidate.record.dateOfBirth || sameHousehold(other, candidate)) &&
        sameFamilyName(other.record, candidate.record) &&
        givenNameWeight(other.evidence.names.given) > givenNameWeight(candidate.evidence.names.given),
    );
    if (!closerSibling) return candidate;
    return {
      ...candidate,
      confidence: candidate.confidence === 'match' ? 'possible-match' : null,
      reasons: [
        ...candidate.reasons,
        'another record with the same family name and date of birth agrees more closely on the given name',
      ],
    };
  });
  // A sibling already told apart from the subject is no rival. Every other reported record is, before any
  // is dropped as a namesake: a record with day and month transposed may be the subject beside a near
  // namesake born on the date as given.
  const siblings = new Set(separated.filter((candidate, index) => candidate !== shared[index]));
  const checked = separated.map((candidate): ScoredRecord => {
    if (candidate.confidence !== 'match') return candidate;
    const rival = separated.some(
      (other) =>
        other !== candidate &&
        other.confidence &&
        !siblings.has(other) &&
        other.weight > candidate.weight - MATCH_MARGIN,
    );
    if (!rival) return candidate;
    return {
      ...candidate,
      confidence: 'possible-match',
      reasons: [...candidate.reasons, 'another record fits the subject almost as well'],
    };
  });
  const matched = checked.some((candidate) => candidate.confidence === 'match');
  const leader = checked
    .filter((candidate) => candidate.confidence)
    .reduce<ScoredRecord | null>(
      (best, candidate) => (!best || candidate.weight > best.weight ? candidate : best),
      null,
    );
  return checked.map((candidate) => {
    if (!candidate.confidence || candidate.confidence === 'match' || tiedToSubject(candidate))
      return candidate;
    const outweighed = leader !== null && candidate.weight <= leader.weight - MATCH_MARGIN;
    return matched || outweighed ? { ...candidate, confidence: null } : candidate;
  });
}

/**
 * Something beyond the names ties the record to the subject: the date of birth, an identifier, the
 * postcode, the household of another subject's match.
 */
function tiedToSubject(candidate: ScoredRecord): boolean {
  const { evidence } = candidate;
  return (
    evidence.dateOfBirth === 'same' ||
    evidence.identifiers.some((identifier) => identifier.agreement === 'agrees') ||
    evidence.address === 'same-address' ||
    evidence.address === 'same-postcode' ||
    evidence.household
  );
}

/** Without a date of birth to compare, two records at the subject's own address are of one household. */
function sameHousehold(a: ScoredRecord, b: ScoredRecord): boolean {
  return [a, b].every(
    ({ evidence }) => evidence.dateOfBirth === 'missing' && evidence.address === 'same-address',
  );
}

function sameFamilyName(a: PersonToMatch, b: PersonToMatch): boolean {
  return a.familyName.trim().toLowerCase() === b.familyName.trim().toLowerCase();
}

function ageForRole(
  role: SubjectRole | null | undefined,
  dateOfBirth: string | null | undefined,
  asOf: Date | undefined,
): AgeForRole {
  if (!role || !dateOfBirth || !asOf) return 'unknown';
  const age = yearsBetween(dateOfBirth, asOf);
  if (role === 'child')
    return age >= CHILD_SUBJECT_MAX_RECORD_AGE ? 'contradicts' : age >= ADULT_AGE ? 'unlikely' : 'fits';
  return age < ADULT_SUBJECT_MIN_RECORD_AGE ? 'contradicts' : age < ADULT_AGE ? 'unlikely' : 'fits';
}

function yearsBetween(dateOfBirth: string, asOf: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const had =
    asOf.getUTCMonth() + 1 > month || (asOf.getUTCMonth() + 1 === month && asOf.getUTCDate() >= day);
  return asOf.getUTCFullYear() - year - (had ? 0 : 1);
}

function sexDiffers(a: Gender | null | undefined, b: Gender | null | undefined): boolean {
  const known = (gender: Gender | null | undefined) => gender === 'female' || gender === 'male';
  return known(a) && known(b) && a !== b;
}

function nameReason(field: string, agreement: NameAgreement, similarity: number): string {
  const value = similarity.toFixed(2);
  switch (agreement) {
    case 'exact':
      return `${field} agrees`;
    case 'part':
      return field === 'given name'
        ? 'one of the given names agrees (a middle name left out)'
        : 'family name agrees with one part of a hyphenated or double name';
    case 'nickname':
      return 'given name is a short form or other form of the same name';
    case 'sounds-alike':
      return `${field} sounds alike (${value})`;
    case 'similar':
      return `${field} spelt similarly (${value})`;
    case 'initial':
      return 'given name initial agrees';
    case 'different':
      return `${field} differs`;
    case 'missing':
      return `no ${field} to compare`;
  }
}

const ROUTE_REASONS: Readonly<Record<NameRoute, string>> = {
  names: '',
  swapped: 'given and family names swapped',
  'record-other-name': 'names agree with an other name (alias or previous name) on the record',
  'subject-other-name': 'an other name given in the request agrees with the record',
};

const DATE_OF_BIRTH_REASONS: Readonly<Record<DateOfBirthAgreement, string>> = {
  same: 'date of birth agrees',
  transposed: 'date of birth day and month transposed',
  typo: 'date of birth differs by one digit or one year',
  different: 'date of birth differs',
  missing: 'no date of birth to compare',
};

const IDENTIFIER_LABELS: Readonly<Record<IdentifierName, string>> = {
  'nhs-number': 'NHS number',
  upn: 'unique pupil number',
  'pnc-id': 'PNC id',
};

const ADDRESS_REASONS: Readonly<Record<AddressAgreement, string>> = {
  'same-address': 'address and postcode agree',
  'same-postcode': 'postcode agrees',
  different: '',
  missing: '',
};
