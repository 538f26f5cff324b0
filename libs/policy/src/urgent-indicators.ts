import type { UrgentIndicator } from '@mash/contracts';
import { PolicyProfile } from './policy-profile';

/**
 * The urgent indicators ticked on a contact that make it Red under this hub's profile (Northamptonshire
 * Appendix E: any one brings the contact to a MASH manager the same day). Empty when none does.
 */
export function redIndicators(profile: PolicyProfile, ticked: readonly UrgentIndicator[]): UrgentIndicator[] {
  return ticked.filter((indicator) => profile.urgentIndicators.includes(indicator));
}
