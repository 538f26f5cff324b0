/**
 * An unborn child of a contact is the index's pre-birth record when the mother is the same and the
 * expected due dates are within this many days of each other: due dates move with scans (a dating scan
 * can move one by a week or two; a referrer may give the month), and a baby may be born up to about
 * three weeks either side of it. A record whose baby has been born since counts too, when the birth
 * is within the same window of the contact's due date.
 */
export const DUE_DATE_WINDOW_DAYS = 42;

export interface PreBirthRecord {
  unborn: boolean;
  expectedDueDate: string | null;
  dateOfBirth: string | null;
}

/** Days between the contact's due date and the record's (its due date, or its birth), or null when beyond the window. */
export function dueDateDistance(expectedDueDate: string, record: PreBirthRecord): number | null {
  const recordDate = record.unborn ? record.expectedDueDate : record.dateOfBirth;
  if (!recordDate) return null;
  const days = Math.round(Math.abs(Date.parse(expectedDueDate) - Date.parse(recordDate)) / 86_400_000);
  return days <= DUE_DATE_WINDOW_DAYS ? days : null;
}

/** The reason shown with the candidate, in words (a number of days, never a date). */
export function dueDateReason(days: number, record: PreBirthRecord): string {
  const when = days === 0 ? 'the same day' : `within ${days} day${days === 1 ? '' : 's'}`;
  return record.unborn
    ? `expected due date agrees with the record’s (${when})`
    : `the record’s baby was born ${when} of the expected due date`;
}
