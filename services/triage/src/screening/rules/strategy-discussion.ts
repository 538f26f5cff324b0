import type { UrgentIndicator } from '@mash/contracts';
import type { PolicyProfile } from '@mash/policy';

/**
 * The Appendix E criteria that send a Red contact to a strategy discussion without waiting for MASH
 * checks, where the profile allows it (`redMayGoToStrategyDiscussionWithoutChecks`).
 *
 * Northamptonshire Appendix C divides Red in two: (1) "S47 - immediately evident serious safeguarding
 * concerns requiring action to ensure the safety of the child and possible necessity to secure and
 * preserve physical evidence", for which "no MASH information sharing, information will be shared at
 * Strategy Meeting"; and (2) enquiries needing same-day action that are not s47 (a homeless teenager).
 * Croydon 8 likewise lets a Red contact pass "directly to Children's Social Care without having MASH
 * checks undertaken to avoid delay where significant risk is considered". The criteria below are the
 * Appendix E ones of the first kind: police ask for the discussion, police protection is likely, or a
 * child has a non-accidental injury or has disclosed abuse by their family or household. The others
 * (a child found alone, a carer detained or dead, remand, an unaccompanied asylum-seeking child,
 * homelessness) need same-day action but not necessarily s47 enquiries, and the second Appendix E list
 * (a suspicious injury, a non-mobile baby's injury, an unborn baby at risk) goes to the MASH manager
 * "for attention", who decides: they stay Red with MASH checks. Immediate danger alone, as ticked by a
 * referrer, stays Red with MASH checks too; the MASH manager is alerted at once and may convene the
 * discussion sooner.
 */
export const STRATEGY_DISCUSSION_INDICATORS: readonly UrgentIndicator[] = [
  'police-request-strategy-discussion',
  'unsafe-home-immediate-removal',
  'non-accidental-injury',
  'injury-with-disclosure-against-family',
  'sexual-abuse-disclosure-by-household-member',
];

/** Whether a Red child goes to a strategy discussion rather than waiting for MASH checks. */
export function goesToStrategyDiscussion(
  profile: Pick<PolicyProfile, 'redMayGoToStrategyDiscussionWithoutChecks'>,
  urgentIndicatorsMet: readonly UrgentIndicator[],
): boolean {
  return (
    profile.redMayGoToStrategyDiscussionWithoutChecks &&
    urgentIndicatorsMet.some((indicator) => STRATEGY_DISCUSSION_INDICATORS.includes(indicator))
  );
}

/**
 * Checks are still requested for a contact going to a strategy discussion: the agencies bring what they
 * hold to it (Croydon 8: "some ragged as Red will have MASH checks undertaken for ... a strategy
 * discussion"), and the discussion does not wait for them. A profile that sets no checks timescale for
 * Red says otherwise: then none are requested (Northamptonshire Appendix C: "No MASH information sharing,
 * information will be shared at Strategy Meeting").
 */
export function strategyDiscussionRequestsChecks(profile: Pick<PolicyProfile, 'timescales'>): boolean {
  return profile.timescales.checks.red !== null;
}
