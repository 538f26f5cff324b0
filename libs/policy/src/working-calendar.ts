import { DateTime } from 'luxon';
import { isBankHoliday } from './bank-holidays';
import { PolicyProfile, Timescale, Weekday, WEEKDAYS, WorkingWindow } from './policy-profile';

export const HUB_TIME_ZONE = 'Europe/London';

/** A working day that is open longer than this many calendar days ahead is not looked for: the profile has none. */
const SEARCH_LIMIT_DAYS = 3660;

const HOUR = 3_600_000;

/**
 * England and Wales working time in Europe/London: the profile's working windows on its working weekdays,
 * less bank holidays (library) and the profile's `extraClosedDays`. All arithmetic is in London local time,
 * so a deadline lands on the right UTC instant whichever side of a clock change it falls.
 */
export class WorkingCalendar {
  private readonly extraClosedDays: ReadonlySet<string>;

  constructor(private readonly profile: Pick<PolicyProfile, 'workingHours' | 'extraClosedDays'>) {
    this.extraClosedDays = new Set(profile.extraClosedDays);
    if (!WEEKDAYS.some((day) => profile.workingHours[day]))
      throw new RangeError('a working calendar needs at least one working weekday');
  }

  isWorkingDay(at: Date): boolean {
    return this.windowOn(london(at)) !== null;
  }

  isWithinWorkingHours(at: Date): boolean {
    const window = this.windowOn(london(at));
    return window !== null && at.getTime() >= window.start.toMillis() && at.getTime() < window.end.toMillis();
  }

  /** Whether a London calendar date ('YYYY-MM-DD') is closed: a weekday without a window, a bank holiday or an extra closed day. */
  isClosedDate(isoDate: string): boolean {
    return this.windowOn(DateTime.fromISO(isoDate, { zone: HUB_TIME_ZONE })) === null;
  }

  add(from: Date, timescale: Timescale): Date {
    const { amount, unit } = timescale;
    switch (unit) {
      case 'hours':
        return new Date(from.getTime() + amount * HOUR);
      case 'working-hours':
        return this.addWorkingTime(from, amount * HOUR);
      case 'working-days':
        return this.addWorkingDays(from, amount);
      case 'days':
        return london(from).plus({ days: amount }).toJSDate();
      case 'weeks':
        return london(from).plus({ weeks: amount }).toJSDate();
      case 'months':
        return london(from).plus({ months: amount }).toJSDate();
    }
  }

  endOfWorkingDay(at: Date): Date {
    let day = london(at).startOf('day');
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, day = day.plus({ days: 1 })) {
      const window = this.windowOn(day);
      if (window && at.getTime() < window.end.toMillis()) return window.end.toJSDate();
    }
    throw noWorkingDay(at);
  }

  /** The first moment at or after `at` that is inside working hours. */
  nextWorkingMoment(at: Date): Date {
    let day = london(at).startOf('day');
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, day = day.plus({ days: 1 })) {
      const window = this.windowOn(day);
      if (!window || at.getTime() >= window.end.toMillis()) continue;
      return new Date(Math.max(at.getTime(), window.start.toMillis()));
    }
    throw noWorkingDay(at);
  }

  /** The working window of a London calendar day, as instants, or null when the day is closed. */
  private windowOn(day: DateTime): { start: DateTime; end: DateTime } | null {
    const local = day.setZone(HUB_TIME_ZONE).startOf('day');
    const isoDate = local.toISODate() as string;
    const window: WorkingWindow | null = this.profile.workingHours[weekdayOf(local)];
    if (!window || isBankHoliday(isoDate) || this.extraClosedDays.has(isoDate)) return null;
    return { start: at(local, window.start), end: at(local, window.end) };
  }

  private addWorkingTime(from: Date, milliseconds: number): Date {
    if (milliseconds <= 0) return new Date(from);
    let remaining = milliseconds;
    let cursor = from.getTime();
    let day = london(from).startOf('day');
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, day = day.plus({ days: 1 })) {
      const window = this.windowOn(day);
      if (!window || cursor >= window.end.toMillis()) continue;
      cursor = Math.max(cursor, window.start.toMillis());
      const available = window.end.toMillis() - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    throw noWorkingDay(from);
  }

  /**
   * N working days on, at the same London time of day as the next working moment; on a day that closes
   * earlier (Northamptonshire Fridays) the close of that day, so a deadline never falls after hours.
   */
  private addWorkingDays(from: Date, days: number): Date {
    const start = this.nextWorkingMoment(from);
    if (days <= 0) return start;
    const startLocal = london(start);
    let day = startLocal.startOf('day');
    let counted = 0;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
      day = day.plus({ days: 1 });
      const window = this.windowOn(day);
      if (!window) continue;
      if (++counted < days) continue;
      const sameTime = day.set({
        hour: startLocal.hour,
        minute: startLocal.minute,
        second: startLocal.second,
        millisecond: startLocal.millisecond,
      });
      const clamped = Math.min(Math.max(sameTime.toMillis(), window.start.toMillis()), window.end.toMillis());
      return new Date(clamped);
    }
    throw noWorkingDay(from);
  }
}

function london(at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: HUB_TIME_ZONE });
}

function weekdayOf(day: DateTime): Weekday {
  return WEEKDAYS[day.weekday - 1];
}

/** 'HH:mm' on a London calendar day, as an instant (luxon resolves the offset for that day). */
function at(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

function noWorkingDay(from: Date): RangeError {
  return new RangeError(`no working day within ${SEARCH_LIMIT_DAYS} days of ${from.toISOString()}`);
}
