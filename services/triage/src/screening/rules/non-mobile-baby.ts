import type { ChildDetails, Concern } from '@mash/contracts';
import type { PolicyProfile } from '@mash/policy';
import { londonDate } from './london-date';

/**
 * Below this age a baby is taken to be non-mobile. Northamptonshire Appendix E brings "non-mobile babies
 * with any form of injury" to the MASH manager at once, but a contact does not say whether a baby
 * crawls or pulls to stand. Babies rarely move independently before about six months, so a baby under
 * six months is presumed non-mobile: a wrong presumption costs a red timescale, a missed one can cost a
 * child, and the decision maker can lower the rating.
 */
export const NON_MOBILE_BELOW_MONTHS = 6;

/** A born child whose date of birth is less than six calendar months before `at` (London dates). */
export function isPresumedNonMobileBaby(
  child: Pick<ChildDetails, 'unborn' | 'dateOfBirth'>,
  at: Date,
): boolean {
  if (child.unborn || !child.dateOfBirth) return false;
  return addMonths(child.dateOfBirth, NON_MOBILE_BELOW_MONTHS) > londonDate(at);
}

/**
 * "Non-mobile baby with any injury", derived rather than ticked: a concern of physical abuse about a baby
 * presumed non-mobile, when the profile applies that Appendix E criterion. Physical abuse is the category a
 * referrer chooses for an injury they think was inflicted; the derivation does not wait for the referrer
 * to find and tick the criterion.
 */
export function nonMobileBabyInjury(
  child: Pick<ChildDetails, 'unborn' | 'dateOfBirth'>,
  concern: Pick<Concern, 'categories'>,
  profile: Pick<PolicyProfile, 'urgentIndicators'>,
  receivedAt: Date,
): boolean {
  return (
    profile.urgentIndicators.includes('injury-to-non-mobile-baby') &&
    concern.categories.includes('physical-abuse') &&
    isPresumedNonMobileBaby(child, receivedAt)
  );
}

/** `YYYY-MM-DD` plus whole months; the 31st of a shorter month becomes its last day. */
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
