import { IsDefined, IsString, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { loadProfile } from '@mash/policy';
import { ServiceConfig } from '@mash/platform';

/** The profile a local run uses when MASH_PROFILE is not set. */
export const DEFAULT_PROFILE = 'croydon';

/**
 * MASH_PROFILE names a built-in profile or a profile file: it must load and validate, or start-up stops
 * with the profile's own message (every wrong field and the rule it broke).
 */
function IsPolicyProfile() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPolicyProfile',
      target: target.constructor,
      propertyName,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            loadProfile(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage(args: ValidationArguments) {
          try {
            loadProfile(String(args.value));
          } catch (error) {
            return error instanceof Error ? error.message : String(error);
          }
          return 'must be a policy profile';
        },
      },
    });
}

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
