import { PolicyProfile } from './policy-profile';
import { WorkingCalendar } from './working-calendar';

/** When the referrer must hear the outcome, counted from the decision (Croydon 8: 1 working day; Bexley 12: 48 hours). */
export function feedbackDueAt(profile: PolicyProfile, calendar: WorkingCalendar, decidedAt: Date): Date {
  return calendar.add(decidedAt, profile.timescales.feedbackToReferrer);
}
