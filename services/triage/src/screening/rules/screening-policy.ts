import type { PolicyProfile, WorkingCalendar } from '@mash/policy';

/** The hub's policy profile and its working calendar: everything a rule needs to know about the hub. */
export interface ScreeningPolicy {
  profile: PolicyProfile;
  calendar: WorkingCalendar;
}
