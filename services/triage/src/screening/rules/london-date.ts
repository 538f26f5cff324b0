const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (`YYYY-MM-DD`) in England at an instant: a child's age is counted in local days. */
export function londonDate(at: Date): string {
  return LONDON_DATE.format(at);
}
