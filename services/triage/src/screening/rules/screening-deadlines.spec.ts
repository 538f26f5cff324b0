import { aContact, MONDAY_MORNING, policyOf, screen } from '../../testing/screening-factories';
import { screeningDeadlines } from './screening-deadlines';

const FRIDAY_430PM = '2026-11-27T16:30:00.000Z';

describe('the deadlines set at screening', () => {
  it('give an amber contact its checks within one working day of the rating and its decision from receipt (Croydon 8)', () => {
    const outcome = screen(aContact(), undefined, policyOf('croydon'), '2026-11-23T10:30:00.000Z');
    expect(outcome.deadlines).toEqual({
      checksDueAt: new Date('2026-11-24T10:30:00.000Z'),
      decisionDueAt: new Date('2026-11-25T10:00:00.000Z'),
      leaveHubBy: null,
    });
    expect(outcome.checks.map((check) => check.dueAt)).toEqual(
      Array(3).fill(new Date('2026-11-24T10:30:00.000Z')),
    );
  });

  it('run a red clock day and night where the profile says so: immediate danger on a Friday at 16:30 is due by 20:30 (Croydon 8)', () => {
    const outcome = screen(
      aContact({ receivedAt: FRIDAY_430PM }, { immediateDanger: true }),
      undefined,
      policyOf('croydon'),
    );
    expect(outcome.deadlines.checksDueAt).toEqual(new Date('2026-11-27T20:30:00.000Z'));
    expect(outcome.deadlines.decisionDueAt).toEqual(new Date('2026-11-27T20:30:00.000Z'));
  });

  it('count a red clock in MASH hours where the MASH is closed out of hours (Northamptonshire 8 and Appendix C)', () => {
    const outcome = screen(
      aContact({ receivedAt: FRIDAY_430PM }, { immediateDanger: true }),
      undefined,
      policyOf('northamptonshire'),
    );
    // Half an hour on Friday (to 17:00), then three and a half on Monday from 09:00.
    expect(outcome.deadlines.checksDueAt).toEqual(new Date('2026-11-30T12:30:00.000Z'));
  });

  it('give immediate danger the lead agency’s one-hour decision (Warwickshire 6.1.2)', () => {
    const outcome = screen(aContact({}, { immediateDanger: true }), undefined, policyOf('warwickshire'));
    expect(outcome.deadlines.decisionDueAt).toEqual(new Date('2026-11-23T11:00:00.000Z'));
  });

  it('count the checks from receipt where the profile’s checks clock starts then (Warwickshire 7.6.1)', () => {
    const outcome = screen(aContact(), undefined, policyOf('warwickshire'), '2026-11-23T11:00:00.000Z');
    expect(outcome.deadlines.checksDueAt).toEqual(new Date('2026-11-24T10:00:00.000Z'));
  });

  it('keep no contact in the hub beyond the profile’s limit (Northamptonshire Appendix C: 24 hours)', () => {
    const outcome = screen(aContact(), undefined, policyOf('northamptonshire'));
    expect(outcome.deadlines.leaveHubBy).toEqual(new Date('2026-11-24T10:00:00.000Z'));
  });

  it('set no checks deadline while the checks await a consent decision, but still the decision deadline', () => {
    const deadlines = screeningDeadlines(
      policyOf('croydon'),
      'amber',
      { receivedAt: new Date(MONDAY_MORNING), screenedAt: new Date(MONDAY_MORNING) },
      false,
      false,
    );
    expect(deadlines.checksDueAt).toBeNull();
    expect(deadlines.decisionDueAt).toEqual(new Date('2026-11-25T10:00:00.000Z'));
  });
});
