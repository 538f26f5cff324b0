import { IsDefined, IsString, ValidateIf } from 'class-validator';
import { DEFAULT_PROFILE, IsPolicyProfile } from '@mash/policy';
import { ServiceConfig } from '@mash/platform';

export class TriageConfig extends ServiceConfig {
  /**
   * The hub's policy profile (croydon, bexley, northamptonshire, warwickshire, blackburn-with-darwen, or a
   * path to a profile file). A local run defaults to croydon; in production it must be set, because a
   * hub silently screening by another hub's timescales is a mistake nobody would notice.
   */
  @ValidateIf((config: TriageConfig) => config.MASH_PROFILE !== undefined || config.NODE_ENV === 'production')
  @IsDefined({ message: 'MASH_PROFILE must name the hub’s policy profile in production' })
  @IsString()
  @IsPolicyProfile()
  MASH_PROFILE?: string;

  /** The profile to load: MASH_PROFILE, or croydon for a local run. */
  get profileName(): string {
    return this.MASH_PROFILE ?? DEFAULT_PROFILE;
  }
}
