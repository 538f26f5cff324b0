import type { Agency, CheckStatus } from '@mash/contracts';
import { isCheckOverdue } from './overdue';

/** What the sweeper needs to know about a check. */
export interface SweptCheck {
  checkId: string;
  agency: Agency;
  status: CheckStatus;
  dueAt: Date | null;
  chaseCount: number;
  lastChasedAt: Date | null;
}

export interface OverdueAction {
  checkId: string;
  agency: Agency;
  dueAt: Date;
  /** The check passes from `requested` to `overdue` now. */
  markOverdue: boolean;
  /** Chase the agency now, with this number (1 for the first chase); null: not yet again. */
  chaseNumber: number | null;
}

/**
 * Northamptonshire stage 2: "the rag rating assigned to the contact will indicate a timescale for all
 * agencies to adhere to"; Bexley SLA: partners undertake checks "within the required timescales,
 * according to the prescribed risk rating". A check still owed after its due time is overdue: the
 * agency is chased at once, and again every `chaseIntervalMs` while it stays unanswered, so an agency
 * is chased once per interval and never twice for the same one. A check with no due time (Green "when
 * needed"), answered, cancelled, not required or still awaiting consent is never chased.
 */
export function overdueActions(
  checks: readonly SweptCheck[],
  now: Date,
  chaseIntervalMs: number,
): OverdueAction[] {
  const actions: OverdueAction[] = [];
  for (const check of checks) {
    // The sweeper only passes checks of records still waiting for a decision.
    if (!isCheckOverdue(check, { status: 'awaiting-checks' }, now) || !check.dueAt) continue;
    const chaseDue = !check.lastChasedAt || now.getTime() - check.lastChasedAt.getTime() >= chaseIntervalMs;
    const markOverdue = check.status === 'requested';
    if (!markOverdue && !chaseDue) continue;
    actions.push({
      checkId: check.checkId,
      agency: check.agency,
      dueAt: check.dueAt,
      markOverdue,
      chaseNumber: chaseDue ? check.chaseCount + 1 : null,
    });
  }
  return actions;
}

/**
 * A check re-timed (the RAG changed) takes its new due time. If that is still ahead, the check is no
 * longer overdue and a new overdue period would begin, chased afresh; when it first became overdue is
 * kept, so the record still shows it was late. If the new due time has passed too (a raise keeps the
 * earlier of the two), it stays overdue and is chased on the same interval.
 */
export function retimedCheckState(
  check: { status: CheckStatus; lastChasedAt: Date | null },
  dueAt: Date | null,
  now: Date,
): { status: CheckStatus; lastChasedAt: Date | null } {
  const stillPast = dueAt !== null && now.getTime() > dueAt.getTime();
  if (check.status === 'overdue' && !stillPast) return { status: 'requested', lastChasedAt: null };
  return { status: check.status, lastChasedAt: stillPast ? check.lastChasedAt : null };
}
