import { bankHolidays, isBankHoliday } from './bank-holidays';

/**
 * The weekday bank holidays of England and Wales as GOV.UK announced them. The code takes its days from the
 * `date-holidays` library, not from this list: the list is here so that a library upgrade that loses or moves a
 * day fails a test instead of moving a deadline.
 */
const ANNOUNCED: Record<number, string[]> = {
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
};

function weekdays(days: Iterable<string>): string[] {
  return [...days].filter((day) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())).sort();
}

describe('bank holidays of England and Wales, from the holiday library', () => {
  it.each(Object.keys(ANNOUNCED).map(Number))(
    '%i: the library closes exactly the announced weekdays',
    (year) => {
      expect(weekdays(bankHolidays(year))).toEqual(ANNOUNCED[year].map((day) => `${year}-${day}`));
    },
  );

  it('includes the one-off days: VE Day 2020, Platinum Jubilee 2022, State Funeral 2022, Coronation 2023', () => {
    for (const day of ['2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08'])
      expect(isBankHoliday(day)).toBe(true);
  });

  it('leaves out the days those one-offs moved: 4 May 2020 and 30 May 2022 were working days', () => {
    expect(isBankHoliday('2020-05-04')).toBe(false);
    expect(isBankHoliday('2022-05-30')).toBe(false);
  });

  it("leaves out observances that are not days off (Mother's Day, Easter Sunday)", () => {
    expect(isBankHoliday('2025-03-30')).toBe(false);
    expect(isBankHoliday('2025-04-20')).toBe(false);
  });
});
