/**
 * How long an open check has left before it is due, by the node's own clock, in whole minutes
 * (rounded down, so a practitioner is never told they have more time than they do). Negative once the
 * check is overdue; null when the request gave no due time.
 */
export function timeLeft(
  dueAt: Date | null,
  now: Date,
): { timeLeftMinutes: number | null; overdue: boolean } {
  if (!dueAt) return { timeLeftMinutes: null, overdue: false };
  const milliseconds = dueAt.getTime() - now.getTime();
  return { timeLeftMinutes: Math.floor(milliseconds / 60_000), overdue: milliseconds < 0 };
}
