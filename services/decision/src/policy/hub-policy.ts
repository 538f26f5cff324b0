import { loadProfile, PolicyProfile, ProfileError, WorkingCalendar } from '@mash/policy';
import { ConfigurationError } from '@mash/platform';

export const HUB_POLICY = Symbol('HUB_POLICY');

/** The hub's policy profile and its working calendar, loaded once at start-up. */
export interface HubPolicy {
  profile: PolicyProfile;
  calendar: WorkingCalendar;
}

/** Loads MASH_PROFILE; a profile that does not load stops start-up with a message naming the variable. */
export function loadHubPolicy(nameOrPath: string): HubPolicy {
  let profile: PolicyProfile;
  try {
    profile = loadProfile(nameOrPath);
  } catch (error) {
    const detail =
      error instanceof ProfileError
        ? error.problems.map((problem) => `${problem.field} (${problem.rule})`).join(', ')
        : error instanceof Error
          ? error.message
          : String(error);
    throw new ConfigurationError(['MASH_PROFILE'], `MASH_PROFILE: the profile does not load: ${detail}`);
  }
  return { profile, calendar: new WorkingCalendar(profile) };
}
