import { DEFAULT_PROFILE, MashProfileVariable } from '@mash/policy';
import { ServiceConfig } from '@mash/platform';

export class TriageConfig extends ServiceConfig {
  /**
   * The hub's policy profile (croydon, bexley, northamptonshire, warwickshire, blackburn-with-darwen, or a
   * path to a profile file). A local run defaults to croydon; in production it must be set, because a
   * hub silently screening by another hub's timescales is a mistake nobody would notice.
   */
  @MashProfileVariable()
  MASH_PROFILE?: string;

  /** The profile to load: MASH_PROFILE, or croydon for a local run. */
  get profileName(): string {
    return this.MASH_PROFILE ?? DEFAULT_PROFILE;
  }
}
