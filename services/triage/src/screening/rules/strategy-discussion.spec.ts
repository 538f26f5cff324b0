import { aContact, policyOf, screen } from '../../testing/screening-factories';
import { RATIONALES } from './rationales';
import { goesToStrategyDiscussion, STRATEGY_DISCUSSION_INDICATORS } from './strategy-discussion';

describe('a red contact and the strategy discussion', () => {
  it('goes to a strategy discussion when the police ask for one, with checks still requested to inform it (Northamptonshire Appendix E; Croydon 8)', () => {
    const outcome = screen(
      aContact({}, { urgentIndicators: ['police-request-strategy-discussion'] }),
      undefined,
      policyOf('croydon'),
    );
    expect(outcome).toMatchObject({ route: 'strategy-discussion', rag: 'red' });
    expect(outcome.children[0].rationale).toBe(RATIONALES.strategyDiscussion);
    expect(outcome.checks.map((check) => [check.agency, check.state])).toEqual([
      ['police', 'requested'],
      ['health', 'requested'],
      ['education', 'requested'],
    ]);
    // Croydon 8: Red "Immediate – Within 4 hours", day and night.
    expect(outcome.deadlines.checksDueAt).toEqual(new Date('2026-11-23T14:00:00.000Z'));
    expect(outcome.alerts).toEqual([
      { kind: 'mash-manager', childIndex: null, to: null, dueAt: new Date('2026-11-23T10:00:00.000Z') },
    ]);
  });

  it('goes to a strategy discussion when police protection is likely (Northamptonshire Appendix E: "require immediate removal")', () => {
    const outcome = screen(aContact({}, { urgentIndicators: ['unsafe-home-immediate-removal'] }));
    expect(outcome.route).toBe('strategy-discussion');
  });

  it('stays with MASH checks when the profile does not allow red to bypass them', () => {
    const policy = policyOf('croydon', { redMayGoToStrategyDiscussionWithoutChecks: false });
    const outcome = screen(
      aContact({}, { urgentIndicators: ['police-request-strategy-discussion'] }),
      undefined,
      policy,
    );
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
  });

  it('stays with MASH checks for red that needs same-day action but not s47 enquiries, a homeless child (Northamptonshire Appendix C, red 2)', () => {
    const outcome = screen(aContact({}, { urgentIndicators: ['homeless-child-or-family'] }));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
  });

  it('stays with MASH checks for immediate danger ticked alone: the MASH manager, alerted at once, decides', () => {
    const outcome = screen(aContact({}, { immediateDanger: true }));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
  });

  it('requests no checks where the profile sets no red checks timescale (Northamptonshire Appendix C: "information will be shared at Strategy Meeting")', () => {
    const base = policyOf('northamptonshire').profile;
    const policy = policyOf('northamptonshire', {
      timescales: { ...base.timescales, checks: { ...base.timescales.checks, red: null } },
    });
    const outcome = screen(
      aContact({}, { urgentIndicators: ['police-request-strategy-discussion'] }),
      undefined,
      policy,
    );
    expect(outcome).toMatchObject({ route: 'strategy-discussion', checks: [] });
    expect(outcome.consent.outcome).toBe('not-needed');
  });

  it('is for the s47 criteria of Appendix E only', () => {
    const allowing = { redMayGoToStrategyDiscussionWithoutChecks: true };
    for (const indicator of STRATEGY_DISCUSSION_INDICATORS)
      expect(goesToStrategyDiscussion(allowing, [indicator])).toBe(true);
    for (const indicator of [
      'child-found-alone',
      'suspicious-injury',
      'serious-risk-to-unborn-baby',
    ] as const)
      expect(goesToStrategyDiscussion(allowing, [indicator])).toBe(false);
    expect(goesToStrategyDiscussion(allowing, [])).toBe(false);
  });
});
