import Holidays from 'date-holidays';

/**
 * England and Wales bank holidays from `date-holidays` (GB, ENG): the fixed and moveable days, the substitute
 * days when Christmas, Boxing Day or New Year's Day fall at a weekend, and the one-off days proclaimed so far
 * (8 May 2020 VE Day, 2-3 June 2022 Platinum Jubilee, 19 September 2022 State Funeral, 8 May 2023 Coronation).
 * The list stays current by upgrading the library; a day announced between its releases goes in the profile's
 * `extraClosedDays`.
 */
const englandAndWales = new Holidays('GB', 'ENG');
const CLOSED_TYPES = new Set(['public', 'bank']);
const byYear = new Map<number, ReadonlySet<string>>();

/** The year's bank holidays in England and Wales as 'YYYY-MM-DD'. */
export function bankHolidays(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      englandAndWales
        .getHolidays(year)
        .filter((holiday) => CLOSED_TYPES.has(holiday.type))
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

/** Whether a London calendar date ('YYYY-MM-DD') is an England and Wales bank holiday. */
export function isBankHoliday(isoDate: string): boolean {
  return bankHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}
