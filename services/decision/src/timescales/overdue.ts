import type { CheckStatus } from '@mash/contracts';
import { isAwaitingDecision, type RecordStatus } from '../records/record-status';

/**
 * What "overdue" and "waiting for a decision" mean, stated once (STYLE.md, a rule stated once): the
 * TypeScript rule and the SQL filter beside it, which `test/overdue-rule.int-spec.ts` holds equal on
 * PostgreSQL. The work list, `/figures`, the sweeper and its gauges all use these.
 */

/** A record still in the hub: its decision is still to be made (neither decided nor closed). */
export const isWaitingForDecision: (status: RecordStatus) => boolean = isAwaitingDecision;

/** SQL for isWaitingForDecision over the record alias `r` (a `mash_records` row). */
export function waitingForDecisionSql(r: string): string {
  return `(${r}.status NOT IN ('decided', 'closed'))`;
}

/**
 * A check is overdue when it is still owed (requested, or already marked overdue) after its due time,
 * on a record still waiting for a decision: once the record is decided or closed no check of it is
 * chased or counted. A check with no due time (Green "when needed") is never overdue.
 * Northamptonshire stage 2; Bexley SLA ("within the required timescales").
 */
export function isCheckOverdue(
  check: { status: CheckStatus; dueAt: Date | null },
  record: { status: RecordStatus },
  now: Date,
): boolean {
  return (
    (check.status === 'requested' || check.status === 'overdue') &&
    check.dueAt !== null &&
    check.dueAt.getTime() < now.getTime() &&
    isWaitingForDecision(record.status)
  );
}

/** SQL for isCheckOverdue over the check alias `c` (record_checks), the record alias `r` and the time parameter. */
export function checkOverdueSql(c: string, r: string, now: string): string {
  return `(${c}.status IN ('requested', 'overdue') AND COALESCE(${c}.due_at < ${now}, false) AND ${waitingForDecisionSql(r)})`;
}

/**
 * A decision is overdue when the record is still waiting for one past its decision deadline, or past
 * the time it should have left the hub (Blackburn with Darwen: no contact left at the end of the day).
 */
export function isDecisionOverdue(
  record: { status: RecordStatus; decisionDueAt: Date | null; leaveHubBy: Date | null },
  now: Date,
): boolean {
  const past = (at: Date | null) => at !== null && at.getTime() < now.getTime();
  return isWaitingForDecision(record.status) && (past(record.decisionDueAt) || past(record.leaveHubBy));
}

/** SQL for isDecisionOverdue over the record alias `r` and the time parameter. */
export function decisionOverdueSql(r: string, now: string): string {
  return (
    `(${waitingForDecisionSql(r)} AND (COALESCE(${r}.decision_due_at < ${now}, false)` +
    ` OR COALESCE(${r}.leave_hub_by < ${now}, false)))`
  );
}
