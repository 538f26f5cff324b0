import type { SocialCareIndexResult } from '@mash/contracts';
import { isRecentlyClosed } from '@mash/policy';
import type { ScreeningPolicy } from './screening-policy';

/**
 * The team a child's case closed to within the profile's recently-closed period, or undefined when the
 * rule does not apply. Northamptonshire 10 (rag summary 2; Appendix C): a case closed to a social work
 * team within the last 12 weeks goes back to that team, Green, with no MASH information sharing; Bexley 11,
 * the "three month" rule: allocated immediately to the previously involved social worker. The period is
 * counted to when the contact was received, not to when it happened to be screened.
 */
export function recentlyClosedCase(
  result: SocialCareIndexResult | undefined,
  { profile, calendar }: ScreeningPolicy,
  receivedAt: Date,
): { team: string | null } | undefined {
  if (!result?.known || result.status !== 'closed' || !result.closedAt) return undefined;
  if (!isRecentlyClosed(profile, calendar, new Date(result.closedAt), receivedAt)) return undefined;
  return { team: result.team?.trim() || null };
}
