import { PolicyProfile } from './policy-profile';
import { WorkingCalendar } from './working-calendar';

/** When the summary of a consultation or advice must reach the caller (Bexley 5 and 6: within 48 hours). */
export function adviceSummaryDueAt(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  screenedAt: Date,
): Date {
  return calendar.add(screenedAt, profile.timescales.adviceSummary);
}
