import { loadProfile } from './load-profile';
import { isRecentlyClosed } from './recently-closed-rule';
import { calendarOf, london, profileWith } from './testing/profiles';

const northamptonshire = loadProfile('northamptonshire');
const warwickshire = loadProfile('warwickshire');
const bexley = loadProfile('bexley');
const croydon = loadProfile('croydon');

function recentlyClosed(
  name: 'northamptonshire' | 'warwickshire' | 'bexley' | 'croydon',
  closed: string,
  now: string,
) {
  const profile = { northamptonshire, warwickshire, bexley, croydon }[name];
  return isRecentlyClosed(profile, calendarOf(profile), london(closed), london(now));
}

describe('isRecentlyClosed: the 12-week rule (Northamptonshire 10 and Appendix C; Warwickshire 7.2.1)', () => {
  it('a case closed on 1 March 2024 is within 12 weeks up to and including 24 May, the 84th day', () => {
    expect(recentlyClosed('northamptonshire', '2024-03-01 16:00', '2024-05-24 17:00')).toBe(true);
    expect(recentlyClosed('warwickshire', '2024-03-01 16:00', '2024-05-24 17:00')).toBe(true);
  });

  it('the same case is no longer recently closed on 25 May, the 85th day', () => {
    expect(recentlyClosed('northamptonshire', '2024-03-01 16:00', '2024-05-25 09:00')).toBe(false);
    expect(recentlyClosed('warwickshire', '2024-03-01 16:00', '2024-05-25 09:00')).toBe(false);
  });

  it('a contact about a child closed to social care nine weeks ago goes back to the previous team', () => {
    expect(recentlyClosed('northamptonshire', '2025-01-06 12:00', '2025-03-10 12:00')).toBe(true);
  });

  it('counts London calendar days: a case closed at 00:30 BST on 2 April counts from 2 April, not from 1 April (UTC)', () => {
    // 2024-04-02 00:30 BST is 2024-04-01 23:30 UTC; day 84 is 25 June.
    expect(recentlyClosed('northamptonshire', '2024-04-02 00:30', '2024-06-25 16:00')).toBe(true);
    expect(recentlyClosed('northamptonshire', '2024-04-02 00:30', '2024-06-26 09:00')).toBe(false);
  });
});

describe('isRecentlyClosed: the three-month rule (Bexley 11)', () => {
  it('a case closed on 1 March 2024 is within three months up to and including 1 June, and not on 2 June', () => {
    expect(recentlyClosed('bexley', '2024-03-01 16:00', '2024-06-01 12:00')).toBe(true);
    expect(recentlyClosed('bexley', '2024-03-01 16:00', '2024-06-02 09:00')).toBe(false);
  });

  it('a case closed on 30 November 2023 is within three months up to 29 February 2024 (a short month) and not on 1 March', () => {
    expect(recentlyClosed('bexley', '2023-11-30 12:00', '2024-02-29 12:00')).toBe(true);
    expect(recentlyClosed('bexley', '2023-11-30 12:00', '2024-03-01 09:00')).toBe(false);
  });

  it('on 1 June a case closed on 1 March is recently closed in Bexley but not under the 12-week rule', () => {
    expect(recentlyClosed('bexley', '2024-03-01 16:00', '2024-06-01 12:00')).toBe(true);
    expect(recentlyClosed('northamptonshire', '2024-03-01 16:00', '2024-06-01 12:00')).toBe(false);
  });
});

describe('isRecentlyClosed: hubs without the rule, and odd data', () => {
  it('Croydon has no recently-closed rule, so even a case closed yesterday is not "recently closed" (Croydon 8)', () => {
    expect(recentlyClosed('croydon', '2025-01-09 12:00', '2025-01-10 12:00')).toBe(false);
  });

  it('a closure the index records as later than now is as recent as can be', () => {
    expect(recentlyClosed('bexley', '2025-01-10 12:00', '2025-01-10 11:00')).toBe(true);
  });

  it('a rule in working days compares instants through the working calendar', () => {
    const profile = profileWith(
      'bexley',
      (raw) => (raw.recentlyClosed = { amount: 2, unit: 'working-days' }),
    );
    const calendar = calendarOf(profile);
    expect(isRecentlyClosed(profile, calendar, london('2025-01-10 12:00'), london('2025-01-14 12:00'))).toBe(
      true,
    );
    expect(isRecentlyClosed(profile, calendar, london('2025-01-10 12:00'), london('2025-01-14 12:01'))).toBe(
      false,
    );
  });
});
