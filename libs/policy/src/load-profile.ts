import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { PolicyProfile, WEEKDAYS } from './policy-profile';
import { ProfileError, ProfileProblem } from './profile-error';
import { incoherences } from './profile-coherence';
import { PolicyProfileSchema } from './profile-schema';

/** The profiles that ship with the project, one per protocol in shared/protocols. */
export const BUILT_IN_PROFILES: readonly string[] = [
  'croydon',
  'bexley',
  'northamptonshire',
  'warwickshire',
  'blackburn-with-darwen',
];

/** Where the built-in profiles live: `libs/policy/profiles`, beside both `src` (tests) and `dist` (services). */
export const PROFILES_DIRECTORY = join(__dirname, '..', 'profiles');

/**
 * A built-in profile by name, or a profile file by path (a new hub's profile is a new file, no code change).
 * Validated: throws ProfileError naming every wrong field and the rule it broke, and refusing unknown keys.
 */
export function loadProfile(nameOrPath: string): PolicyProfile {
  const builtIn = BUILT_IN_PROFILES.includes(nameOrPath);
  const file = builtIn ? join(PROFILES_DIRECTORY, `${nameOrPath}.yaml`) : resolve(nameOrPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const looksLikeName = !builtIn && !/[\\/.]/.test(nameOrPath);
    throw new ProfileError(nameOrPath, [
      {
        field: '(profile)',
        rule: looksLikeName
          ? `must be one of ${BUILT_IN_PROFILES.join(', ')} or a path to a profile file`
          : `cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      },
    ]);
  }
  return parseProfile(text, profileId(file), file);
}

/** A profile's id: its file name without `.yaml` or `.yml`. */
export function profileId(file: string): string {
  return basename(file, extname(file));
}

/** Parses and validates profile YAML; `id` is the file name the text came from. */
export function parseProfile(text: string, id: string, source = id): PolicyProfile {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    throw new ProfileError(source, [
      { field: '(file)', rule: `is not valid YAML: ${(error as Error).message}` },
    ]);
  }
  return validateProfile(raw, id, source);
}

/** Validates an already-parsed profile (tests and tools that build one in code). */
export function validateProfile(raw: unknown, id: string, source = id): PolicyProfile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ProfileError(source, [{ field: '(file)', rule: 'must be a mapping of settings' }]);
  const candidate = plainToInstance(PolicyProfileSchema, raw);
  const problems = flatten(
    validateSync(candidate, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
  );
  const given = raw as Record<string, unknown>;
  if (given.id !== undefined && given.id !== id)
    problems.push({ field: 'id', rule: `must be the file name (${id}) or left out` });
  const hours = given.workingHours as Record<string, unknown> | undefined;
  if (hours && typeof hours === 'object' && WEEKDAYS.every((day) => hours[day] === null))
    problems.push({ field: 'workingHours', rule: 'must open on at least one weekday' });
  if (problems.length) throw new ProfileError(source, problems);
  // The validated input, not the class instance: plain data, safe to serialise and freeze.
  const profile = deepFreeze({ ...(structuredClone(raw) as Omit<PolicyProfile, 'id'>), id }) as PolicyProfile;
  const contradictions = incoherences(profile);
  if (contradictions.length) throw new ProfileError(source, contradictions);
  return profile;
}

const KIND_RULES = new Set(['isNumber', 'isString', 'isBoolean', 'isArray', 'isObject']);

function flatten(errors: ValidationError[], parent = ''): ProfileProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    // A setting left out, or of the wrong kind, is reported once for that, not also for every rule after it.
    const missing = constraints.filter(([name]) => name === 'isDefined');
    const wrongKind = constraints.filter(([name]) => KIND_RULES.has(name));
    const reported = missing.length ? missing : wrongKind.length ? wrongKind : constraints;
    const own = reported.map(([name, message]) => ({
      field,
      rule: name === 'whitelistValidation' ? 'is not a known setting' : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
