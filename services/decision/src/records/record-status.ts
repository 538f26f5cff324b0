/** Where a MASH record is in its life (API.md, decision). */
export const RECORD_STATUSES = [
  'received',
  'screening',
  'awaiting-consent-decision',
  'awaiting-checks',
  'ready-for-decision',
  'decided',
  'closed',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** Where one agency's check is. */
export const CHECK_STATUSES = ['requested', 'responded', 'overdue', 'not-required'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * A check still owed: asked for and not yet answered. An overdue check is still owed (it has only
 * passed its due time); a not-required one never was.
 */
export function isOutstanding(status: CheckStatus): boolean {
  return status === 'requested' || status === 'overdue';
}

/** A freshly screened record waits for its checks, or goes straight to a decision maker when none were asked. */
export function statusOnScreening(checks: readonly { status: CheckStatus }[]): RecordStatus {
  return checks.some((check) => isOutstanding(check.status)) ? 'awaiting-checks' : 'ready-for-decision';
}

/**
 * The record's status once a response has been stored: it becomes ready for decision only when every
 * requested check has answered. Any other state (already decided, closed, awaiting a consent
 * decision) is not moved by a late or extra response.
 */
export function statusAfterResponse(
  current: RecordStatus,
  checks: readonly { status: CheckStatus }[],
): RecordStatus {
  if (current !== 'awaiting-checks') return current;
  return checks.some((check) => isOutstanding(check.status)) ? 'awaiting-checks' : 'ready-for-decision';
}
