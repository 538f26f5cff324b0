import { CHECK_STATUSES, type CheckStatus } from '@mash/contracts';

export { CHECK_STATUSES, type CheckStatus };

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

/**
 * A check still owed: asked for and not yet answered. An overdue check is still owed (it has only
 * passed its due time); a not-required one never was, a cancelled one no longer is, and one awaiting
 * consent has not been asked yet (the record waits for the consent decision instead).
 */
export function isOutstanding(status: CheckStatus): boolean {
  return status === 'requested' || status === 'overdue';
}

/**
 * A freshly screened record waits for a manager's consent decision when screening could not let the
 * checks go ahead (consent refused or not sought, no exception: Croydon 5, Bexley 19 and 27); otherwise
 * it waits for its checks, or goes straight to a decision maker when none were asked.
 */
export function statusOnScreening(
  checks: readonly { status: CheckStatus }[],
  awaitingConsentDecision = false,
): RecordStatus {
  if (awaitingConsentDecision) return 'awaiting-consent-decision';
  return checks.some((check) => isOutstanding(check.status)) ? 'awaiting-checks' : 'ready-for-decision';
}

/**
 * The record's status after its checks changed without an answer arriving (a manager added or withdrew
 * agencies, or decided on consent): a record still being worked on waits for the checks still owed, or
 * is ready for a decision when none is. Decided, closed and awaiting-consent records are not moved.
 */
export function statusAfterChecksChanged(
  current: RecordStatus,
  checks: readonly { status: CheckStatus }[],
): RecordStatus {
  if (current !== 'awaiting-checks' && current !== 'ready-for-decision') return current;
  return checks.some((check) => isOutstanding(check.status)) ? 'awaiting-checks' : 'ready-for-decision';
}

/** A record still in the hub: a decision is still to be made about it. */
export function isAwaitingDecision(status: RecordStatus): boolean {
  return status !== 'decided' && status !== 'closed';
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
