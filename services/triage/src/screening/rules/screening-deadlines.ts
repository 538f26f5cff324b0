import type { RagRating } from '@mash/contracts';
import { checksDueAt, decisionDueAt, leaveHubBy } from '@mash/policy';
import type { ScreeningPolicy } from './screening-policy';

export interface ScreeningDeadlines {
  /** When the agencies' answers are due: null when no check is sent now (none planned, or awaiting consent) or the profile sets no timescale for the rating. */
  checksDueAt: Date | null;
  /** When the MASH decision is due, counted from receipt; immediate danger may shorten it (Warwickshire 6.1.2: one hour). */
  decisionDueAt: Date;
  /** No contact stays in the hub longer (Northamptonshire Appendix C: 24 hours); null when the profile sets no limit. */
  leaveHubBy: Date | null;
}

/**
 * The deadlines screening sets, from the profile and the contact's times: checks from when the rating is
 * set (the screening; from receipt where the profile's checks clock starts then, Warwickshire 7.6.1), the
 * decision and the hub limit from when the contact was received (Croydon 8: "a decision within 1 working
 * day"; Northamptonshire 9 and Appendix C).
 */
export function screeningDeadlines(
  { profile, calendar }: ScreeningPolicy,
  rag: RagRating,
  times: { receivedAt: Date; screenedAt: Date },
  immediateDanger: boolean,
  checksSent: boolean,
): ScreeningDeadlines {
  return {
    checksDueAt: checksSent ? checksDueAt(profile, calendar, rag, times.screenedAt, times.receivedAt) : null,
    decisionDueAt: decisionDueAt(profile, calendar, rag, times.receivedAt, immediateDanger),
    leaveHubBy: leaveHubBy(profile, calendar, times.receivedAt),
  };
}
