import { DateTime } from 'luxon';

const LONDON = 'Europe/London';

function toDateTime(value: Date | string): DateTime | null {
  const dateTime =
    value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(String(value), { setZone: false });
  return dateTime.isValid ? dateTime.setZone(LONDON) : null;
}

/** "Friday 4 December 2026 at 4:30pm", London time, as GOV.UK writes dates and times. */
export function londonDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const dateTime = toDateTime(value);
  if (!dateTime) return '';
  const time = dateTime.toFormat(dateTime.minute === 0 ? 'ha' : 'h:mma').toLowerCase();
  return `${dateTime.toFormat('cccc d LLLL yyyy')} at ${time === '12pm' ? 'midday' : time === '12am' ? 'midnight' : time}`;
}

/** "4 December 2026": a date of birth or a due date, which has no time of day. */
export function londonDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return DateTime.fromISO(value, { zone: LONDON }).toFormat('d LLLL yyyy');
  }
  const dateTime = toDateTime(value);
  return dateTime ? dateTime.toFormat('d LLLL yyyy') : '';
}

/**
 * "2 hours 15 minutes left" or "3 days 2 hours late": the time to a deadline in words, rounded down to the
 * minute so nobody is told they have more time than they do.
 */
export function timeToDeadline(dueAt: Date | string | null | undefined, now: Date): string {
  if (!dueAt) return 'No deadline';
  const due = dueAt instanceof Date ? dueAt : new Date(dueAt);
  const milliseconds = due.getTime() - now.getTime();
  const late = milliseconds < 0;
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  const words = durationInWords(minutes);
  return late ? `${words} late` : `${words} left`;
}

function durationInWords(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days) parts.push(plural(days, 'day'));
  if (hours) parts.push(plural(hours, 'hour'));
  if (!days && (minutes || !hours)) parts.push(plural(minutes, 'minute'));
  return parts.join(' ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
