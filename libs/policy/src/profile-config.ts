import { IsDefined, IsString, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { loadProfile } from './load-profile';

/** The profile a local run uses when MASH_PROFILE is not set; in production it must be set. */
export const DEFAULT_PROFILE = 'croydon';

/**
 * For a service's validated configuration (MASH_PROFILE): the value names a built-in profile or a profile
 * file that loads and validates, or start-up stops with the profile's own message (every wrong field and
 * the rule it broke). Triage screens and decision recomputes deadlines with the same profile.
 */
export function IsPolicyProfile() {
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

/**
 * The MASH_PROFILE variable of a service's configuration: optional for a local run (the service then
 * uses DEFAULT_PROFILE), required in production, because a hub silently working by another hub's
 * timescales is a mistake nobody would notice; when set, it must load (IsPolicyProfile).
 */
export function MashProfileVariable(): PropertyDecorator {
  return (target, propertyName) => {
    const key = propertyName as string;
    const decorators: PropertyDecorator[] = [
      ValidateIf(
        (config: { NODE_ENV?: string } & Record<string, unknown>) =>
          config[key] !== undefined || config.NODE_ENV === 'production',
      ),
      IsDefined({ message: 'MASH_PROFILE must name the hub’s policy profile in production' }),
      IsString(),
    ];
    for (const decorate of decorators) decorate(target, propertyName);
    IsPolicyProfile()(target, key);
  };
}
