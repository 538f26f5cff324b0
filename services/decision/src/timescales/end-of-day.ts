import { HUB_TIME_ZONE, type WorkingCalendar } from '@mash/policy';

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: HUB_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Europe/London at this instant. */
export function londonDate(at: Date): string {
  return LONDON_DATE.format(at);
}

export interface EndOfDayWindow {
  /** The day asked about (today in London when none was given). */
  date: string;
  /** The close of that working day, or of the next one when the date is not a working day. */
  closesAt: Date;
  /** The moment the list describes: the close when it has passed, otherwise now. */
  asOf: Date;
  /** The close has passed: the list is what was left at it. */
  closed: boolean;
}

/**
 * Blackburn with Darwen, objectives (Timeliness): "ensure that, at the end of the working day, there
 * are no children who require decisions that have not yet been made". The list for a day is taken at
 * the close of that working day (WorkingCalendar.endOfWorkingDay): once the day has closed, every
 * contact received by then and not decided by then; before it closes, every contact waiting now.
 * The day is found from its midday (12:00 UTC, inside any hub's working hours), so a date that is not
 * a working day gives the close of the next working day.
 */
export function endOfDayWindow(
  calendar: WorkingCalendar,
  date: string | undefined,
  now: Date,
): EndOfDayWindow {
  const day = date ?? londonDate(now);
  const closesAt = calendar.endOfWorkingDay(new Date(`${day}T12:00:00.000Z`));
  const closed = closesAt.getTime() <= now.getTime();
  return { date: day, closesAt, asOf: closed ? closesAt : now, closed };
}
