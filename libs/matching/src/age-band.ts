import type { ApproximateAge, DateOfBirthRange } from '@mash/contracts';

/**
 * A referrer's "about 7" is often a year out either way (a birthday just passed or coming, a guess), so
 * an age in years widens by this many years on each side of the year it names.
 */
export const AGE_IN_YEARS_TOLERANCE = 1;

/**
 * The dates of birth an approximate age allows, inclusive, as of `asOf` (when the contact was received):
 * - `years: N`: a child who turned N within the year before, widened by AGE_IN_YEARS_TOLERANCE each
 *   side: born after asOf - (N + 2) years and on or before asOf - (N - 1) years (never after asOf);
 * - `schoolYear`: one academic year's births in England (School Admissions Code: a child starts
 *   reception in the September after their fourth birthday), 1 September to 31 August: year K in the
 *   academic year starting September S holds children born from 1 September S - K - 5 to 31 August
 *   S - K - 4 (reception is K = 0, nursery K = -1). The year is not widened: schools know it; a child
 *   taught out of year group scores as `near` (match-score.ts).
 */
export function bornBetweenFor(age: ApproximateAge, asOf: Date): DateOfBirthRange | null {
  if (age.schoolYear) {
    const grade = schoolYearNumber(age.schoolYear);
    if (grade === null) return null;
    const academicYearStart = asOf.getUTCMonth() >= 8 ? asOf.getUTCFullYear() : asOf.getUTCFullYear() - 1;
    const firstBirthYear = academicYearStart - grade - 5;
    return { earliest: `${pad(firstBirthYear, 4)}-09-01`, latest: `${pad(firstBirthYear + 1, 4)}-08-31` };
  }
  if (age.years == null) return null;
  const today = isoDate(asOf);
  const earliest = addDays(addYears(today, -(age.years + 1 + AGE_IN_YEARS_TOLERANCE)), 1);
  const latestAllowed = addYears(today, -(age.years - AGE_IN_YEARS_TOLERANCE));
  return { earliest, latest: latestAllowed > today ? today : latestAllowed };
}

/** `reception` 0, `nursery` -1, `year-K` K; null for anything else. */
export function schoolYearNumber(schoolYear: string): number | null {
  if (schoolYear === 'reception') return 0;
  if (schoolYear === 'nursery') return -1;
  const match = /^year-(\d{1,2})$/.exec(schoolYear);
  return match ? Number(match[1]) : null;
}

/** How many whole days a band spans (inclusive). */
export function bandDays(band: DateOfBirthRange): number {
  return Math.round((Date.parse(band.latest) - Date.parse(band.earliest)) / 86_400_000) + 1;
}

/**
 * How a record's date of birth sits with a band: inside it, `near` it (within NEAR_BAND_DAYS of either
 * end), or `outside`.
 */
export type AgeBandAgreement = 'within' | 'near' | 'outside' | 'unknown';
export const NEAR_BAND_DAYS = 366;

export function compareWithBand(
  band: DateOfBirthRange | null | undefined,
  dateOfBirth: string | null | undefined,
): AgeBandAgreement {
  if (!band || !dateOfBirth) return 'unknown';
  const born = Date.parse(dateOfBirth);
  const earliest = Date.parse(band.earliest);
  const latest = Date.parse(band.latest);
  if (Number.isNaN(born) || Number.isNaN(earliest) || Number.isNaN(latest)) return 'unknown';
  if (born >= earliest && born <= latest) return 'within';
  const distance = born < earliest ? earliest - born : born - latest;
  return distance <= NEAR_BAND_DAYS * 86_400_000 ? 'near' : 'outside';
}

function isoDate(at: Date): string {
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1, 2)}-${pad(at.getUTCDate(), 2)}`;
}

function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  // 29 February in a year without one becomes 28 February.
  const target = new Date(0);
  target.setUTCFullYear(year + years, month - 1, 1);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), month, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return isoDate(target);
}

function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(date) + days * 86_400_000));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
