import { adviceSummaryDueAt } from './advice-summary-timescale';
import { alertDueAt } from './allocated-worker-alert';
import { feedbackDueAt } from './feedback-timescale';
import { loadProfile } from './load-profile';
import { calendarOf, inLondon, london } from './testing/profiles';

const croydon = loadProfile('croydon');
const bexley = loadProfile('bexley');
const northamptonshire = loadProfile('northamptonshire');
const warwickshire = loadProfile('warwickshire');

describe('feedbackDueAt', () => {
  it('Croydon: the referrer hears no later than 1 working day after the decision (Croydon 8)', () => {
    expect(inLondon(feedbackDueAt(croydon, calendarOf(croydon), london('2025-01-10 16:30')))).toBe(
      '2025-01-13 16:30 +00:00',
    );
  });

  it('Bexley: the decision is shared in writing within 48 hours, two working days (Bexley 12)', () => {
    expect(inLondon(feedbackDueAt(bexley, calendarOf(bexley), london('2025-01-10 16:30')))).toBe(
      '2025-01-14 16:30 +00:00',
    );
  });

  it('Northamptonshire and Warwickshire: the outcome letter within 24 hours, one working day (Appendix B; 7.5.1)', () => {
    const decided = london('2025-01-09 12:00');
    expect(inLondon(feedbackDueAt(northamptonshire, calendarOf(northamptonshire), decided))).toBe(
      '2025-01-10 12:00 +00:00',
    );
    expect(inLondon(feedbackDueAt(warwickshire, calendarOf(warwickshire), decided))).toBe(
      '2025-01-10 12:00 +00:00',
    );
  });

  it('a decision taken on a Saturday by the duty manager counts from Monday morning', () => {
    expect(inLondon(feedbackDueAt(croydon, calendarOf(croydon), london('2025-01-11 11:00')))).toBe(
      '2025-01-14 09:00 +00:00',
    );
  });
});

describe('adviceSummaryDueAt', () => {
  it('Bexley: a consultation summary reaches the caller within 48 hours, two working days (Bexley 5 and 6)', () => {
    expect(inLondon(adviceSummaryDueAt(bexley, calendarOf(bexley), london('2025-01-09 15:00')))).toBe(
      '2025-01-13 15:00 +00:00',
    );
  });
});

describe('alertDueAt', () => {
  it('Bexley: a contact about a child already receiving a service goes to the allocated worker immediately (Bexley 3)', () => {
    const screened = london('2025-01-11 03:00');
    expect(alertDueAt(bexley, calendarOf(bexley), screened)).toEqual(screened);
  });

  it('Croydon: the allocated social worker and practice manager are alerted within 24 hours, one working day (Croydon 8)', () => {
    expect(inLondon(alertDueAt(croydon, calendarOf(croydon), london('2025-01-10 14:00')))).toBe(
      '2025-01-13 14:00 +00:00',
    );
  });
});
