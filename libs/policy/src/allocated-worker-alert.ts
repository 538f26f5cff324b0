import { PolicyProfile } from './policy-profile';
import { WorkingCalendar } from './working-calendar';

/**
 * When the allocated worker or lead professional must have been alerted to a new contact about a child open to
 * them (Croydon 8: within 24 hours; Bexley 3: immediately). A timescale of 0 means at screening.
 */
export function alertDueAt(profile: PolicyProfile, calendar: WorkingCalendar, screenedAt: Date): Date {
  return calendar.add(screenedAt, profile.timescales.allocatedWorkerAlert);
}
