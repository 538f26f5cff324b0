import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { PROFILES_DIRECTORY, validateProfile } from '../load-profile';
import { PolicyProfile } from '../policy-profile';
import { HUB_TIME_ZONE, WorkingCalendar } from '../working-calendar';

/** A built-in profile's YAML as plain, changeable data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rawProfile(name: string): any {
  return parse(readFileSync(join(PROFILES_DIRECTORY, `${name}.yaml`), 'utf8'));
}

/** A built-in profile with a change made to its data, validated as a file would be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function profileWith(name: string, change: (raw: any) => void, id = name): PolicyProfile {
  const raw = rawProfile(name);
  change(raw);
  return validateProfile(raw, id);
}

export function calendarOf(profile: PolicyProfile): WorkingCalendar {
  return new WorkingCalendar(profile);
}

/** A London wall-clock time ('2025-03-28 15:00') as the instant it names. */
export function london(local: string): Date {
  const at = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: HUB_TIME_ZONE });
  if (!at.isValid) throw new Error(`not a London time: ${local}`);
  return at.toJSDate();
}

/** An instant as London wall-clock time, for readable expectations. */
export function inLondon(at: Date | null): string | null {
  return at && DateTime.fromJSDate(at, { zone: HUB_TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm ZZ');
}
