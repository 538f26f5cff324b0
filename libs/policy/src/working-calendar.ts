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
  /** Each London date's working window as instants (ms), or null when closed: computed once per date. */
  private readonly windows = new Map<string, Window | null>();

  constructor(private readonly profile: Pick<PolicyProfile, 'workingHours' | 'extraClosedDays'>) {
    this.extraClosedDays = new Set(profile.extraClosedDays);
    if (!WEEKDAYS.some((day) => profile.workingHours[day]))
      throw new RangeError('a working calendar needs at least one working weekday');
  }

  isWorkingDay(at: Date): boolean {
    return this.windowOn(londonDate(at)) !== null;
  }

  isWithinWorkingHours(at: Date): boolean {
    const window = this.windowOn(londonDate(at));
    return window !== null && at.getTime() >= window.start && at.getTime() < window.end;
  }

  /** Whether a London calendar date ('YYYY-MM-DD') is closed: a weekday without a window, a bank holiday or an extra closed day. */
  isClosedDate(isoDate: string): boolean {
    return this.windowOn(isoDate) === null;
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
    for (const window of this.windowsFrom(londonDate(at)))
      if (window && at.getTime() < window.end) return new Date(window.end);
    throw noWorkingDay(at);
  }

  /** The first moment at or after `at` that is inside working hours. */
  nextWorkingMoment(at: Date): Date {
    for (const window of this.windowsFrom(londonDate(at)))
      if (window && at.getTime() < window.end) return new Date(Math.max(at.getTime(), window.start));
    throw noWorkingDay(at);
  }

  /** The working window of a London calendar date, as instants, or null when the date is closed. */
  private windowOn(isoDate: string): Window | null {
    let window = this.windows.get(isoDate);
    if (window === undefined) {
      const hours: WorkingWindow | null = this.profile.workingHours[weekdayOf(isoDate)];
      window =
        !hours || isBankHoliday(isoDate) || this.extraClosedDays.has(isoDate)
          ? null
          : { start: instant(isoDate, hours.start), end: instant(isoDate, hours.end) };
      if (this.windows.size > 20_000) this.windows.clear(); // a long-lived service's cache stays small
      this.windows.set(isoDate, window);
    }
    return window;
  }

  /** The windows (or nulls) of each London date from `isoDate` on, for as long as anything can be looked for. */
  private *windowsFrom(isoDate: string): Generator<Window | null> {
    let date = isoDate;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, date = nextDate(date)) yield this.windowOn(date);
  }

  private addWorkingTime(from: Date, milliseconds: number): Date {
    if (milliseconds <= 0) return new Date(from);
    let remaining = milliseconds;
    let cursor = from.getTime();
    for (const window of this.windowsFrom(londonDate(from))) {
      if (!window || cursor >= window.end) continue;
      cursor = Math.max(cursor, window.start);
      const available = window.end - cursor;
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
    let counted = 0;
    let date = startLocal.toISODate() as string;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
      date = nextDate(date);
      const window = this.windowOn(date);
      if (!window || ++counted < days) continue;
      const sameTime = DateTime.fromISO(date, { zone: HUB_TIME_ZONE })
        .set({
          hour: startLocal.hour,
          minute: startLocal.minute,
          second: startLocal.second,
          millisecond: startLocal.millisecond,
        })
        .toMillis();
      return new Date(Math.min(Math.max(sameTime, window.start), window.end));
    }
    throw noWorkingDay(from);
  }
}

interface Window {
  start: number;
  end: number;
}

function london(at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: HUB_TIME_ZONE });
}

/** The London calendar date of an instant, 'YYYY-MM-DD'. */
function londonDate(at: Date): string {
  return london(at).toISODate() as string;
}

/** The calendar date after 'YYYY-MM-DD' (calendar dates have no time zone). */
function nextDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function weekdayOf(isoDate: string): Weekday {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7];
}

/** 'HH:mm' London time on a London calendar date, as an instant (luxon resolves the offset for that date). */
function instant(isoDate: string, time: string): number {
  return DateTime.fromISO(`${isoDate}T${time}`, { zone: HUB_TIME_ZONE }).toMillis();
}

function noWorkingDay(from: Date): RangeError {
  return new RangeError(`no working day within ${SEARCH_LIMIT_DAYS} days of ${from.toISOString()}`);
}
