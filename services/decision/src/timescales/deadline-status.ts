/** Where one deadline stands: met in time, missed (answered late or not yet and past due), or pending. */
export const DEADLINE_STATUSES = ['met', 'missed', 'pending'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * A deadline is met when what it waits for happened by its due time, and missed when it happened
 * later or has not happened and the due time has passed. A deadline with no due time (Green checks
 * "when needed") cannot be missed: it is pending until met.
 */
export function deadlineStatus(dueAt: Date | null, metAt: Date | null, now: Date): DeadlineStatus {
  if (metAt) return dueAt && metAt.getTime() > dueAt.getTime() ? 'missed' : 'met';
  return dueAt && now.getTime() > dueAt.getTime() ? 'missed' : 'pending';
}

/** The earlier of two due times, where null means "no due time". */
export function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

/** The later of two due times, where null means "no due time". */
export function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** As shown on the record: a deadline nothing is owed against is not applicable. */
export const DEADLINE_VIEW_STATUSES = [...DEADLINE_STATUSES, 'not-applicable'] as const;
export type DeadlineViewStatus = (typeof DEADLINE_VIEW_STATUSES)[number];
