import { ConfigurationError } from '@mash/platform';
import {
  loadProfile,
  notificationSettings,
  NotificationSettings,
  PolicyProfile,
  ProfileError,
  WorkingCalendar,
} from '@mash/policy';
import type { NotificationsConfig } from '../config';
import { loadTeamDirectory, TeamDirectory } from '../directory/team-directory';

export const NOTIFICATIONS_POLICY = Symbol('NOTIFICATIONS_POLICY');

/** The hub's profile, its working calendar, its notification settings and its directory, loaded at start-up. */
export interface NotificationsPolicy {
  profile: PolicyProfile;
  calendar: WorkingCalendar;
  settings: NotificationSettings;
  directory: TeamDirectory;
}

/** A profile or directory that does not load stops start-up, naming the variable and every wrong field. */
export function loadNotificationsPolicy(config: NotificationsConfig): NotificationsPolicy {
  let profile: PolicyProfile;
  try {
    profile = loadProfile(config.profileName);
  } catch (error) {
    const detail =
      error instanceof ProfileError
        ? error.problems.map((problem) => `${problem.field} (${problem.rule})`).join(', ')
        : error instanceof Error
          ? error.message
          : String(error);
    throw new ConfigurationError(['MASH_PROFILE'], `MASH_PROFILE: the profile does not load: ${detail}`);
  }
  const settings = notificationSettings(profile);
  return {
    profile,
    calendar: new WorkingCalendar(profile),
    settings,
    directory: loadTeamDirectory(settings.directory, config.TEAM_DIRECTORY_FILE),
  };
}
