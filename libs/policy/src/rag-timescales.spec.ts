import { RAG_RATINGS } from '@mash/contracts';
import { BUILT_IN_PROFILES, loadProfile } from './load-profile';
import { checksDueAt, decisionDueAt, leaveHubBy, redTimescale } from './rag-timescales';
import { calendarOf, inLondon, london, profileWith } from './testing/profiles';

const croydon = loadProfile('croydon');
const bexley = loadProfile('bexley');
const northamptonshire = loadProfile('northamptonshire');
const warwickshire = loadProfile('warwickshire');
const blackburn = loadProfile('blackburn-with-darwen');

describe('checksDueAt', () => {
  it('Croydon Red checks rated Friday 16:30 are due at 20:30 the same evening: the Red clock runs overnight (Croydon 7, 8)', () => {
    const due = checksDueAt(croydon, calendarOf(croydon), 'red', london('2025-01-10 16:30'));
    expect(inLondon(due)).toBe('2025-01-10 20:30 +00:00');
  });

  it('a Red clock running overnight through the March change: rated Sunday 00:30 GMT, due 05:30 BST (Bexley 13)', () => {
    const due = checksDueAt(bexley, calendarOf(bexley), 'red', london('2025-03-30 00:30'));
    expect(due?.toISOString()).toBe('2025-03-30T04:30:00.000Z');
    expect(inLondon(due)).toBe('2025-03-30 05:30 +01:00');
  });

  it('Northamptonshire Red checks rated Friday 16:30 count MASH hours only: half an hour Friday, due Monday 12:30 (8, Appendix C)', () => {
    const due = checksDueAt(
      northamptonshire,
      calendarOf(northamptonshire),
      'red',
      london('2025-01-10 16:30'),
    );
    expect(inLondon(due)).toBe('2025-01-13 12:30 +00:00');
  });

  it('the same Red clock runs overnight when the profile says so, whichever hour unit it wrote', () => {
    const overnight = profileWith('northamptonshire', (raw) => (raw.redClockRunsOutsideWorkingHours = true));
    const due = checksDueAt(overnight, calendarOf(overnight), 'red', london('2025-01-10 16:30'));
    expect(inLondon(due)).toBe('2025-01-10 20:30 +00:00');
    expect(redTimescale(overnight, { amount: 4, unit: 'working-hours' })).toEqual({
      amount: 4,
      unit: 'hours',
    });
    expect(redTimescale(northamptonshire, { amount: 4, unit: 'hours' })).toEqual({
      amount: 4,
      unit: 'working-hours',
    });
  });

  it('the Red clock switch leaves day-based Red timescales and other ratings alone', () => {
    expect(redTimescale(croydon, { amount: 1, unit: 'working-days' })).toEqual({
      amount: 1,
      unit: 'working-days',
    });
    const due = checksDueAt(croydon, calendarOf(croydon), 'amber', london('2025-01-10 16:30'));
    expect(inLondon(due)).toBe('2025-01-13 16:30 +00:00');
  });

  it('Croydon Amber checks are due 24 hours post initial decision and Green 48: one and two working days (Croydon 8)', () => {
    const calendar = calendarOf(croydon);
    expect(inLondon(checksDueAt(croydon, calendar, 'amber', london('2025-01-09 11:00')))).toBe(
      '2025-01-10 11:00 +00:00',
    );
    expect(inLondon(checksDueAt(croydon, calendar, 'green', london('2025-01-09 11:00')))).toBe(
      '2025-01-13 11:00 +00:00',
    );
  });

  it('Bexley high-risk checks are due within 4 hours and others within 1 working day (Bexley 13)', () => {
    const calendar = calendarOf(bexley);
    const rated = london('2025-01-13 10:00');
    expect(inLondon(checksDueAt(bexley, calendar, 'red', rated))).toBe('2025-01-13 14:00 +00:00');
    expect(inLondon(checksDueAt(bexley, calendar, 'amber', rated))).toBe('2025-01-14 10:00 +00:00');
    expect(inLondon(checksDueAt(bexley, calendar, 'green', rated))).toBe('2025-01-14 10:00 +00:00');
  });

  it('Northamptonshire Amber and Green information sharing is due 8 MASH hours after the request (Appendix C)', () => {
    const calendar = calendarOf(northamptonshire);
    const requested = london('2025-01-13 10:00');
    // 7.5 hours on Monday (10:00-17:30), then half an hour on Tuesday.
    expect(inLondon(checksDueAt(northamptonshire, calendar, 'amber', requested))).toBe(
      '2025-01-14 09:30 +00:00',
    );
    expect(inLondon(checksDueAt(northamptonshire, calendar, 'green', requested))).toBe(
      '2025-01-14 09:30 +00:00',
    );
  });

  it('a rating with no checks timescale has no due time', () => {
    const noGreen = profileWith('northamptonshire', (raw) => (raw.timescales.checks.green = null));
    expect(checksDueAt(noGreen, calendarOf(noGreen), 'green', london('2025-01-13 10:00'))).toBeNull();
  });

  it('Warwickshire counts checks from receipt when the caller gives it (Warwickshire 7.6.1)', () => {
    const calendar = calendarOf(warwickshire);
    const received = london('2025-01-13 09:30');
    const rated = london('2025-01-13 11:00');
    expect(inLondon(checksDueAt(warwickshire, calendar, 'red', rated, received))).toBe(
      '2025-01-13 13:30 +00:00',
    );
    expect(inLondon(checksDueAt(croydon, calendarOf(croydon), 'red', rated, received))).toBe(
      '2025-01-13 15:00 +00:00',
    );
  });
});

describe('decisionDueAt', () => {
  it('Warwickshire: a child in immediate danger has a lead agency decision within 1 hour, day or night (6.1.2)', () => {
    const calendar = calendarOf(warwickshire);
    const received = london('2025-01-11 02:00');
    expect(inLondon(decisionDueAt(warwickshire, calendar, 'red', received, true))).toBe(
      '2025-01-11 03:00 +00:00',
    );
    expect(inLondon(decisionDueAt(warwickshire, calendar, 'amber', received, true))).toBe(
      '2025-01-11 03:00 +00:00',
    );
    expect(inLondon(decisionDueAt(warwickshire, calendar, 'red', received))).toBe('2025-01-11 06:00 +00:00');
  });

  it('a hub without an immediate-danger timescale keeps the rating timescale for a child in immediate danger', () => {
    const received = london('2025-01-13 10:00');
    expect(decisionDueAt(croydon, calendarOf(croydon), 'red', received, true)).toEqual(
      decisionDueAt(croydon, calendarOf(croydon), 'red', received),
    );
  });

  it('Northamptonshire Amber outcome is due within 1 working day and Red within 4 MASH hours (10)', () => {
    const calendar = calendarOf(northamptonshire);
    const received = london('2025-01-10 16:00');
    expect(inLondon(decisionDueAt(northamptonshire, calendar, 'amber', received))).toBe(
      '2025-01-13 16:00 +00:00',
    );
    expect(inLondon(decisionDueAt(northamptonshire, calendar, 'red', received))).toBe(
      '2025-01-13 12:00 +00:00',
    );
  });

  it('Blackburn with Darwen decisions: immediate concerns 4 hours, Child in Need 24 hours, every decision within 72 hours (MASH Timescales)', () => {
    const calendar = calendarOf(blackburn);
    const received = london('2025-01-09 11:00');
    expect(inLondon(decisionDueAt(blackburn, calendar, 'red', received))).toBe('2025-01-09 15:00 +00:00');
    expect(inLondon(decisionDueAt(blackburn, calendar, 'amber', received))).toBe('2025-01-10 11:00 +00:00');
    expect(inLondon(decisionDueAt(blackburn, calendar, 'green', received))).toBe('2025-01-14 11:00 +00:00');
  });

  it('Croydon: the final decision follows the initial decision (1 working day) and the RAG time after it (8)', () => {
    const calendar = calendarOf(croydon);
    const received = london('2025-01-09 11:00');
    expect(inLondon(decisionDueAt(croydon, calendar, 'amber', received))).toBe('2025-01-13 11:00 +00:00');
    expect(inLondon(decisionDueAt(croydon, calendar, 'green', received))).toBe('2025-01-14 11:00 +00:00');
  });
});

describe('leaveHubBy', () => {
  it('Northamptonshire: no contact stays in the MASH longer than 24 hours, one working day (Appendix C)', () => {
    const calendar = calendarOf(northamptonshire);
    expect(inLondon(leaveHubBy(northamptonshire, calendar, london('2025-01-10 16:45')))).toBe(
      '2025-01-13 16:45 +00:00',
    );
  });

  it('is null for a hub whose protocol sets no such limit', () => {
    expect(leaveHubBy(croydon, calendarOf(croydon), london('2025-01-10 16:45'))).toBeNull();
  });
});

describe('every built-in profile', () => {
  // Every three hours (and seven minutes past) of a month with weekends, Easter 2025 (Good Friday 18 April,
  // Easter Monday 21 April) and the March clock change: in hours, out of hours, across closes and closed days.
  const instants = Array.from(
    { length: 8 * 31 },
    (_, step) => new Date(Date.parse('2025-03-27T00:00:00Z') + step * 180 * 60_000 + 7 * 60_000),
  );
  const due = (at: Date | null) => at?.getTime() ?? Infinity;

  it.each(BUILT_IN_PROFILES)('%s never gives Red longer than Amber, or Amber longer than Green', (name) => {
    const profile = loadProfile(name);
    const calendar = calendarOf(profile);
    const outOfOrder = instants.filter((at) => {
      const decisions = RAG_RATINGS.map((rag) => due(decisionDueAt(profile, calendar, rag, at)));
      const checks = RAG_RATINGS.map((rag) => due(checksDueAt(profile, calendar, rag, at)));
      return (
        decisions[0] > decisions[1] ||
        decisions[1] > decisions[2] ||
        checks[0] > checks[1] ||
        checks[1] > checks[2]
      );
    });
    expect(outOfOrder.map(inLondon)).toEqual([]);
  });

  it.each(BUILT_IN_PROFILES)('%s gives every deadline after the moment it counts from', (name) => {
    const profile = loadProfile(name);
    const calendar = calendarOf(profile);
    const tooSoon = instants.filter((at) =>
      RAG_RATINGS.some(
        (rag) =>
          due(decisionDueAt(profile, calendar, rag, at)) <= at.getTime() ||
          due(checksDueAt(profile, calendar, rag, at)) <= at.getTime(),
      ),
    );
    expect(tooSoon.map(inLondon)).toEqual([]);
  });
});
