/**
 * How two dates of birth (ISO `YYYY-MM-DD`) agree:
 * - `same`;
 * - `transposed`: day and month swapped (04/03 written for 03/04: the US order, or a slip);
 * - `typo`: one digit wrong, two neighbouring digits swapped, or the year one out with the same day and
 *   month (an age worked back from the wrong side of a birthday);
 * - `different`: anything else, strong evidence of a different person (siblings share everything else);
 * - `missing`: either side has none (a referral often has no date of birth for an adult).
 */
export type DateOfBirthAgreement = 'same' | 'transposed' | 'typo' | 'different' | 'missing';

export function compareDatesOfBirth(
  a: string | null | undefined,
  b: string | null | undefined,
): DateOfBirthAgreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'same';
  if (transposeDayAndMonth(a) === b) return 'transposed';
  const left = a.replace(/-/g, '');
  const right = b.replace(/-/g, '');
  if (left.length !== 8 || right.length !== 8) return 'different';
  if (oneDigitWrong(left, right) || neighboursSwapped(left, right)) return 'typo';
  if (
    left.slice(4) === right.slice(4) &&
    Math.abs(Number(left.slice(0, 4)) - Number(right.slice(0, 4))) === 1
  )
    return 'typo';
  return 'different';
}

/** The date with day and month swapped, or null when that is no other valid date (day over 12, or day = month). */
export function transposeDayAndMonth(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  if (day === month || Number(day) > 12 || Number(day) < 1) return null;
  const swapped = `${year}-${day}-${month}`;
  return isCalendarDate(swapped) ? swapped : null;
}

export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return (
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day
  );
}

function oneDigitWrong(a: string, b: string): boolean {
  let differences = 0;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) differences++;
  return differences === 1;
}

function neighboursSwapped(a: string, b: string): boolean {
  for (let index = 0; index < a.length - 1; index++)
    if (a[index] !== b[index])
      return (
        a[index] === b[index + 1] && a[index + 1] === b[index] && a.slice(index + 2) === b.slice(index + 2)
      );
  return false;
}
