import { loadProfile } from './load-profile';
import { calendarOf, inLondon, london, profileWith } from './testing/profiles';
import { WorkingCalendar } from './working-calendar';

/** Monday to Friday, 9am to 5pm: Croydon 7, Bexley Service Level Agreement. */
const nineToFive = calendarOf(loadProfile('bexley'));
/** 09:00-17:30 Monday to Thursday, 09:00-17:00 Friday: Northamptonshire 8. */
const northamptonshire = calendarOf(loadProfile('northamptonshire'));

describe('WorkingCalendar: working days', () => {
  it('an Amber check asked for on Friday at 16:30 with 1 working day is due on Monday at 16:30 (Bexley 13)', () => {
    expect(inLondon(nineToFive.add(london('2025-01-10 16:30'), { amount: 1, unit: 'working-days' }))).toBe(
      '2025-01-13 16:30 +00:00',
    );
  });

  it('a working day asked for at the weekend starts on Monday morning and ends on Tuesday morning', () => {
    expect(inLondon(nineToFive.add(london('2025-01-11 10:00'), { amount: 1, unit: 'working-days' }))).toBe(
      '2025-01-14 09:00 +00:00',
    );
  });

  it('a working day asked for after hours starts the next working morning', () => {
    expect(inLondon(nineToFive.add(london('2025-01-08 19:00'), { amount: 1, unit: 'working-days' }))).toBe(
      '2025-01-10 09:00 +00:00',
    );
  });

  it('three working days from a Thursday skip the weekend (Blackburn with Darwen MASH Timescales: 72 hours)', () => {
    expect(inLondon(nineToFive.add(london('2025-01-09 11:00'), { amount: 3, unit: 'working-days' }))).toBe(
      '2025-01-14 11:00 +00:00',
    );
  });

  it('Northamptonshire closes at 17:00 on Friday, so a working day from Thursday 17:15 ends at Friday 17:00 (Northamptonshire 8)', () => {
    expect(northamptonshire.isWithinWorkingHours(london('2025-01-09 17:15'))).toBe(true);
    expect(northamptonshire.isWithinWorkingHours(london('2025-01-10 17:15'))).toBe(false);
    expect(
      inLondon(northamptonshire.add(london('2025-01-09 17:15'), { amount: 1, unit: 'working-days' })),
    ).toBe('2025-01-10 17:00 +00:00');
  });
});

describe('WorkingCalendar: working hours', () => {
  it('counts working hours over a weekend: 8 hours from Friday 15:00 end on Monday at 15:00', () => {
    expect(inLondon(nineToFive.add(london('2025-01-10 15:00'), { amount: 8, unit: 'working-hours' }))).toBe(
      '2025-01-13 15:00 +00:00',
    );
  });

  it('Northamptonshire Amber, 8 hours from Thursday 16:00, uses the late Thursday close and ends Friday 15:30 (Appendix C, 8)', () => {
    expect(
      inLondon(northamptonshire.add(london('2025-01-09 16:00'), { amount: 8, unit: 'working-hours' })),
    ).toBe('2025-01-10 15:30 +00:00');
  });

  it('Northamptonshire, 8 hours from Friday 16:00, has only one hour on Friday and ends Monday 16:00 (8)', () => {
    expect(
      inLondon(northamptonshire.add(london('2025-01-10 16:00'), { amount: 8, unit: 'working-hours' })),
    ).toBe('2025-01-13 16:00 +00:00');
  });

  it('working hours asked for before opening start at opening', () => {
    expect(inLondon(nineToFive.add(london('2025-01-13 07:00'), { amount: 2, unit: 'working-hours' }))).toBe(
      '2025-01-13 11:00 +00:00',
    );
  });

  it('a timescale that ends exactly at closing is due at closing, not the next morning', () => {
    expect(inLondon(nineToFive.add(london('2025-01-13 13:00'), { amount: 4, unit: 'working-hours' }))).toBe(
      '2025-01-13 17:00 +00:00',
    );
  });

  it('half a working hour is thirty minutes', () => {
    expect(inLondon(nineToFive.add(london('2025-01-13 16:45'), { amount: 0.5, unit: 'working-hours' }))).toBe(
      '2025-01-14 09:15 +00:00',
    );
  });

  it('a timescale of nothing is due at once, even out of hours (Bexley 3: "immediately")', () => {
    const at = london('2025-01-11 03:00');
    expect(nineToFive.add(at, { amount: 0, unit: 'hours' })).toEqual(at);
    expect(nineToFive.add(at, { amount: 0, unit: 'working-hours' })).toEqual(at);
  });

  it('opens at 09:00 and is closed from 17:00', () => {
    expect(nineToFive.isWithinWorkingHours(london('2025-01-13 08:59'))).toBe(false);
    expect(nineToFive.isWithinWorkingHours(london('2025-01-13 09:00'))).toBe(true);
    expect(nineToFive.isWithinWorkingHours(london('2025-01-13 16:59'))).toBe(true);
    expect(nineToFive.isWithinWorkingHours(london('2025-01-13 17:00'))).toBe(false);
  });
});

describe('WorkingCalendar: end of the working day', () => {
  it('is the close of the day a moment falls in', () => {
    expect(inLondon(nineToFive.endOfWorkingDay(london('2025-01-10 08:00')))).toBe('2025-01-10 17:00 +00:00');
    expect(inLondon(nineToFive.endOfWorkingDay(london('2025-01-10 16:59')))).toBe('2025-01-10 17:00 +00:00');
  });

  it('after hours or at the weekend is the close of the next working day', () => {
    expect(inLondon(nineToFive.endOfWorkingDay(london('2025-01-10 17:00')))).toBe('2025-01-13 17:00 +00:00');
    expect(inLondon(nineToFive.endOfWorkingDay(london('2025-01-12 12:00')))).toBe('2025-01-13 17:00 +00:00');
  });

  it('is 17:30 on a Northamptonshire Thursday and 17:00 on its Friday (8)', () => {
    expect(inLondon(northamptonshire.endOfWorkingDay(london('2025-01-09 10:00')))).toBe(
      '2025-01-09 17:30 +00:00',
    );
    expect(inLondon(northamptonshire.endOfWorkingDay(london('2025-01-10 10:00')))).toBe(
      '2025-01-10 17:00 +00:00',
    );
  });
});

describe('WorkingCalendar: clock changes in Europe/London', () => {
  it('4 working hours from Friday 15:00 GMT before the March change end Monday 11:00 BST, 10:00 UTC', () => {
    const due = nineToFive.add(london('2025-03-28 15:00'), { amount: 4, unit: 'working-hours' });
    expect(due.toISOString()).toBe('2025-03-31T10:00:00.000Z');
    expect(inLondon(due)).toBe('2025-03-31 11:00 +01:00');
  });

  it('24 elapsed hours across the March change end one wall-clock hour later: 13:00 BST, 12:00 UTC', () => {
    const due = nineToFive.add(london('2025-03-29 12:00'), { amount: 24, unit: 'hours' });
    expect(due.toISOString()).toBe('2025-03-30T12:00:00.000Z');
    expect(inLondon(due)).toBe('2025-03-30 13:00 +01:00');
  });

  it('a calendar day across the March change keeps the wall-clock time: 23 elapsed hours', () => {
    const due = nineToFive.add(london('2025-03-29 12:00'), { amount: 1, unit: 'days' });
    expect(due.toISOString()).toBe('2025-03-30T11:00:00.000Z');
  });

  it('a working day across the March change keeps the wall-clock time: Friday 10:00 GMT to Monday 10:00 BST', () => {
    const due = nineToFive.add(london('2025-03-28 10:00'), { amount: 1, unit: 'working-days' });
    expect(due.toISOString()).toBe('2025-03-31T09:00:00.000Z');
  });

  it('4 working hours from Friday 16:00 BST before the October change end Monday 12:00 GMT, 12:00 UTC', () => {
    const due = nineToFive.add(london('2025-10-24 16:00'), { amount: 4, unit: 'working-hours' });
    expect(due.toISOString()).toBe('2025-10-27T12:00:00.000Z');
    expect(inLondon(due)).toBe('2025-10-27 12:00 +00:00');
  });

  it('24 elapsed hours across the October change end one wall-clock hour earlier: 11:00 GMT', () => {
    const due = nineToFive.add(london('2025-10-25 12:00'), { amount: 24, unit: 'hours' });
    expect(due.toISOString()).toBe('2025-10-26T11:00:00.000Z');
    expect(inLondon(due)).toBe('2025-10-26 11:00 +00:00');
  });

  it('opens at 09:00 local time on both sides of a change', () => {
    expect(nineToFive.isWithinWorkingHours(new Date('2025-03-31T08:00:00Z'))).toBe(true); // 09:00 BST
    expect(nineToFive.isWithinWorkingHours(new Date('2025-03-28T08:30:00Z'))).toBe(false); // 08:30 GMT
    expect(nineToFive.isWithinWorkingHours(new Date('2025-10-27T08:30:00Z'))).toBe(false); // 08:30 GMT
  });
});

describe('WorkingCalendar: bank holidays in England and Wales', () => {
  it('closes on Christmas 2021 substitute days: 25 and 26 December fell at the weekend, so 27 and 28 are closed', () => {
    for (const day of ['2021-12-25', '2021-12-26', '2021-12-27', '2021-12-28'])
      expect(nineToFive.isClosedDate(day)).toBe(true);
    expect(nineToFive.isClosedDate('2021-12-29')).toBe(false);
    expect(inLondon(nineToFive.add(london('2021-12-24 10:00'), { amount: 1, unit: 'working-days' }))).toBe(
      '2021-12-29 10:00 +00:00',
    );
  });

  it('closes on Christmas 2022: only the Sunday 25th needed a substitute, so 26 and 27 are closed and 28 is open', () => {
    for (const day of ['2022-12-26', '2022-12-27']) expect(nineToFive.isClosedDate(day)).toBe(true);
    expect(nineToFive.isClosedDate('2022-12-28')).toBe(false);
    expect(inLondon(nineToFive.add(london('2022-12-23 12:00'), { amount: 1, unit: 'working-days' }))).toBe(
      '2022-12-28 12:00 +00:00',
    );
  });

  it('closes on the New Year substitute days of 2022 and 2023', () => {
    expect(nineToFive.isClosedDate('2022-01-03')).toBe(true);
    expect(nineToFive.isClosedDate('2023-01-02')).toBe(true);
  });

  it('knows Christmas 2027, when both days fall at the weekend again', () => {
    expect(nineToFive.isClosedDate('2027-12-27')).toBe(true);
    expect(nineToFive.isClosedDate('2027-12-28')).toBe(true);
    expect(nineToFive.isClosedDate('2027-12-29')).toBe(false);
  });

  it('closes on 8 May 2020, the VE Day bank holiday, and opens on 4 May 2020, the usual day it replaced', () => {
    expect(nineToFive.isClosedDate('2020-05-08')).toBe(true);
    expect(nineToFive.isClosedDate('2020-05-04')).toBe(false);
  });

  it('closes on 2 and 3 June 2022 for the Platinum Jubilee and opens on 30 May 2022, the usual spring day', () => {
    expect(nineToFive.isClosedDate('2022-06-02')).toBe(true);
    expect(nineToFive.isClosedDate('2022-06-03')).toBe(true);
    expect(nineToFive.isClosedDate('2022-05-30')).toBe(false);
  });

  it('closes on 19 September 2022, the State Funeral, and 8 May 2023, the Coronation', () => {
    expect(nineToFive.isClosedDate('2022-09-19')).toBe(true);
    expect(nineToFive.isClosedDate('2023-05-08')).toBe(true);
  });

  it('counts 8 working hours from Thursday 1 June 2022 15:00 past the Jubilee weekend to Monday 6 June', () => {
    expect(inLondon(nineToFive.add(london('2022-06-01 15:00'), { amount: 8, unit: 'working-hours' }))).toBe(
      '2022-06-06 15:00 +01:00',
    );
  });

  it('isWorkingDay is false on a bank holiday, even within the usual hours', () => {
    expect(nineToFive.isWorkingDay(london('2023-05-08 10:00'))).toBe(false);
    expect(nineToFive.isWithinWorkingHours(london('2023-05-08 10:00'))).toBe(false);
    expect(nineToFive.isWorkingDay(london('2023-05-09 10:00'))).toBe(true);
  });

  it("closes on a profile's extra closed day, for a day announced after the holiday library's release", () => {
    const profile = profileWith('bexley', (raw) => (raw.extraClosedDays = ['2030-07-01']));
    const calendar = calendarOf(profile);
    expect(calendar.isClosedDate('2030-07-01')).toBe(true);
    expect(nineToFive.isClosedDate('2030-07-01')).toBe(false);
    expect(inLondon(calendar.add(london('2030-06-28 10:00'), { amount: 1, unit: 'working-days' }))).toBe(
      '2030-07-02 10:00 +01:00',
    );
  });
});

describe('WorkingCalendar: construction', () => {
  it('refuses a week with no working day rather than search for ever', () => {
    const closed = { start: '09:00', end: '17:00' };
    const week = {
      monday: null,
      tuesday: null,
      wednesday: null,
      thursday: null,
      friday: null,
      saturday: null,
      sunday: null,
    };
    expect(() => new WorkingCalendar({ workingHours: week, extraClosedDays: [] })).toThrow(RangeError);
    expect(
      () => new WorkingCalendar({ workingHours: { ...week, monday: closed }, extraClosedDays: [] }),
    ).not.toThrow();
  });
});
