import {
  aContact,
  closedOn,
  MONDAY_MORNING,
  policyOf,
  screen,
  weeksBefore,
} from '../../testing/screening-factories';
import { RATIONALES } from './rationales';

describe('a child whose case closed to social care recently', () => {
  it('goes back to the previous team, green, with no information sharing, when closed nine weeks ago (Northamptonshire 10: 12 weeks)', () => {
    const outcome = screen(
      aContact(),
      [closedOn(weeksBefore(MONDAY_MORNING, 9))],
      policyOf('northamptonshire'),
    );
    expect(outcome).toMatchObject({ route: 'transfer-to-previous-team', rag: 'green', checks: [] });
    expect(outcome.children[0].rationale).toBe(RATIONALES.previousTeam);
    expect(outcome.alerts).toEqual([
      { kind: 'previous-team', childIndex: 0, to: 'Safeguarding Team 3', dueAt: new Date(MONDAY_MORNING) },
    ]);
    expect(outcome.consent.outcome).toBe('not-needed');
  });

  it('is screened as usual when the case closed thirteen weeks ago (Northamptonshire 10: 12 weeks)', () => {
    const outcome = screen(
      aContact(),
      [closedOn(weeksBefore(MONDAY_MORNING, 13))],
      policyOf('northamptonshire'),
    );
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'amber' });
    expect(outcome.alerts).toEqual([]);
  });

  it('goes back to the previously involved worker’s team when closed twelve weeks ago, within three months (Bexley 11)', () => {
    const outcome = screen(aContact(), [closedOn(weeksBefore(MONDAY_MORNING, 12))], policyOf('bexley'));
    expect(outcome.route).toBe('transfer-to-previous-team');
  });

  it('is screened as usual when closed four months ago under the three month rule (Bexley 11)', () => {
    const outcome = screen(aContact(), [closedOn('2026-07-23T10:00:00.000Z')], policyOf('bexley'));
    expect(outcome.route).toBe('mash-checks');
  });

  it('is screened as usual where the protocol has no recently-closed rule (Croydon 8: the contact is loaded onto the child’s file)', () => {
    const outcome = screen(aContact(), [closedOn(weeksBefore(MONDAY_MORNING, 2))], policyOf('croydon'));
    expect(outcome.route).toBe('mash-checks');
  });

  it('counts the period to when the contact was received, not to when it was screened', () => {
    // Closed 11 weeks and 6 days before receipt; screened two days later, past 12 weeks since closure.
    const closedAt = new Date(new Date(MONDAY_MORNING).getTime() - (12 * 7 - 1) * 86_400_000).toISOString();
    const outcome = screen(
      aContact(),
      [closedOn(closedAt)],
      policyOf('northamptonshire'),
      '2026-11-25T10:00:00.000Z',
    );
    expect(outcome.route).toBe('transfer-to-previous-team');
  });

  it('is screened red in the MASH, with the previous team alerted, when a red criterion applies: never green in danger', () => {
    const outcome = screen(
      aContact({}, { immediateDanger: true }),
      [closedOn(weeksBefore(MONDAY_MORNING, 9))],
      policyOf('northamptonshire'),
    );
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.children[0].rationale).toBe(
      `${RATIONALES.redImmediateDanger} ${RATIONALES.previousTeamButRed}`,
    );
    expect(outcome.alerts.map((alert) => alert.kind).sort()).toEqual(['mash-manager', 'previous-team']);
    expect(outcome.checks.length).toBe(3);
  });

  it('ignores a closed case with no closing date', () => {
    const outcome = screen(
      aContact(),
      [{ ...closedOn(MONDAY_MORNING), closedAt: null }],
      policyOf('northamptonshire'),
    );
    expect(outcome.route).toBe('mash-checks');
  });
});
