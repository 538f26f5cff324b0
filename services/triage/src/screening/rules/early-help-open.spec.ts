import { aContact, openToEarlyHelp, policyOf, screen } from '../../testing/screening-factories';
import { leadProfessionalOf } from './early-help-open';
import { RATIONALES } from './rationales';

describe('a child with an open early help assessment', () => {
  it('has the lead professional alerted and carries on through screening (Northamptonshire 4)', () => {
    const outcome = screen(aContact(), [openToEarlyHelp()], policyOf('croydon'));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'amber' });
    expect(outcome.checks.map((check) => check.agency)).toEqual(['police', 'health', 'education']);
    expect(outcome.alerts).toEqual([
      {
        kind: 'lead-professional',
        childIndex: 0,
        to: 'Lee Lead',
        dueAt: new Date('2026-11-24T10:00:00.000Z'),
      },
    ]);
    expect(outcome.children[0].rationale).toBe(`${RATIONALES.amber} ${RATIONALES.earlyHelpOpen}`);
  });

  it('alerts the early help team when the index names no lead professional', () => {
    expect(leadProfessionalOf(openToEarlyHelp(0, null))).toEqual({ to: 'Early Help Team North' });
  });

  it('is still red when a red criterion applies, with the lead professional alerted', () => {
    const outcome = screen(aContact({}, { immediateDanger: true }), [openToEarlyHelp()], policyOf('croydon'));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.alerts.map((alert) => alert.kind).sort()).toEqual(['lead-professional', 'mash-manager']);
  });
});
