import { RAG_RATINGS, type ContactScreened, type RagRating } from '@mash/contracts';
import { checksDueAt, decisionDueAt, feedbackDueAt, leaveHubBy } from '@mash/policy';
import type { HubPolicy } from '../policy/hub-policy';
import { earliest } from './deadline-status';

/** The deadlines a MASH record keeps (the feedback deadline is added when the decision is recorded). */
export interface RecordDeadlines {
  checksDueAt: Date | null;
  decisionDueAt: Date | null;
  leaveHubBy: Date | null;
}

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** True when `next` is more urgent than `current` (Red is the most urgent). */
export function isRaise(current: RagRating, next: RagRating): boolean {
  return RAG_RATINGS.indexOf(next) < RAG_RATINGS.indexOf(current);
}

/**
 * The deadlines at screening. Triage computes them with the same profile and sends them; a
 * `contact.screened` without them (sent before triage computed deadlines) gets them computed here
 * from the same rules: checks counted from when the rating was set (screening), the decision and the
 * time in the hub from when the contact was received.
 */
export function deadlinesAtScreening(
  policy: HubPolicy,
  message: Pick<ContactScreened, 'deadlines' | 'rag' | 'screenedAt' | 'contact'>,
): { deadlines: RecordDeadlines; computedHere: boolean } {
  if (message.deadlines) {
    return {
      deadlines: {
        checksDueAt: date(message.deadlines.checksDueAt),
        decisionDueAt: date(message.deadlines.decisionDueAt),
        leaveHubBy: date(message.deadlines.leaveHubBy),
      },
      computedHere: false,
    };
  }
  const { profile, calendar } = policy;
  const receivedAt = new Date(message.contact.receivedAt);
  return {
    deadlines: {
      checksDueAt: checksDueAt(profile, calendar, message.rag, new Date(message.screenedAt), receivedAt),
      decisionDueAt: decisionDueAt(
        profile,
        calendar,
        message.rag,
        receivedAt,
        message.contact.concern.immediateDanger === true,
      ),
      leaveHubBy: leaveHubBy(profile, calendar, receivedAt),
    },
    computedHere: true,
  };
}

/**
 * The deadlines after the rating changes (a team manager, or an agency escalating: Northamptonshire
 * 10 "the decision maker reviews the initial rag rating and revises it"; Northamptonshire stage 2
 * "raise the existing RAG rating to request that all multi-agency partners expedite their enquiries").
 * Each deadline counts from where the profile counts it, at the new rating:
 * - the checks from the rating, which is now;
 * - the decision from receipt; on a raise, when that moment has already passed, from now instead
 *   (the new risk is known from now), and a raise never gives more time than the deadline had;
 *   a lowering never moves the decision past what the new rating allows from receipt, so lowering a
 *   rating cannot turn a missed deadline into a met one;
 * - the time a contact may stay in the hub from receipt, unchanged.
 */
export function deadlinesAfterRagChange(
  policy: HubPolicy,
  change: {
    current: RecordDeadlines;
    from: RagRating;
    to: RagRating;
    changedAt: Date;
    receivedAt: Date;
    immediateDanger: boolean;
  },
): RecordDeadlines {
  const { profile, calendar } = policy;
  const checks = checksDueAt(profile, calendar, change.to, change.changedAt, change.receivedAt);
  const fromReceipt = decisionDueAt(profile, calendar, change.to, change.receivedAt, change.immediateDanger);
  if (!isRaise(change.from, change.to)) {
    return { checksDueAt: checks, decisionDueAt: fromReceipt, leaveHubBy: change.current.leaveHubBy };
  }
  const decision =
    fromReceipt.getTime() > change.changedAt.getTime()
      ? fromReceipt
      : decisionDueAt(profile, calendar, change.to, change.changedAt, change.immediateDanger);
  return {
    checksDueAt: earliest(change.current.checksDueAt, checks),
    decisionDueAt: earliest(change.current.decisionDueAt, decision),
    leaveHubBy: change.current.leaveHubBy,
  };
}

/**
 * Checks asked for now (after a consent decision, or an agency a manager added) are due by the
 * rating's timescale, counted from now (or from receipt, for a hub whose protocol counts checks from
 * receipt: Warwickshire 7.6.1).
 */
export function checksDueFrom(
  policy: HubPolicy,
  rag: RagRating,
  requestedAt: Date,
  receivedAt: Date,
): Date | null {
  return checksDueAt(policy.profile, policy.calendar, rag, requestedAt, receivedAt);
}

/** Croydon 8: the outcome is fed back to the referrer no later than 1 working day after the decision. */
export function feedbackDueFrom(policy: HubPolicy, decidedAt: Date): Date {
  return feedbackDueAt(policy.profile, policy.calendar, decidedAt);
}
