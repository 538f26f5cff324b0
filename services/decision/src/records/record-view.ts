import type { Outcome, StaffRole } from '@mash/contracts';
import type { ConsentDecision } from '../consent/consent-decision.entity';
import type { RagChange } from '../rag/rag-change.entity';
import type { ChildKeyKind } from '../repeats/record-child-key.entity';
import type { DeadlineChange } from '../timescales/deadline-change.entity';
import { deadlineStatus } from '../timescales/deadline-status';
import type {
  CheckView,
  DeadlineView,
  DeadlinesView,
  MashRecordResponse,
  PreviousContactView,
} from './dto/mash-record.response';
import type { MashRecord } from './mash-record.entity';
import type { RecordCheck } from './record-check.entity';
import type { RecordStatus } from './record-status';
import { itemsAsSeenBy } from './mash-only-redaction';
import { isOutstanding } from './record-status';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** An earlier contact about one of this contact's children, as read for the record. */
export interface PreviousContact {
  contactId: string;
  reference: string;
  receivedAt: Date;
  status: RecordStatus;
  outcome: Outcome | null;
  decidedAt: Date | null;
  childIndexes: number[];
  matchedBy: ChildKeyKind[];
}

/** What the record shows besides its own row and checks: its histories and the earlier contacts. */
export interface RecordHistory {
  ragChanges: readonly RagChange[];
  deadlineChanges: readonly DeadlineChange[];
  consentDecisions: readonly ConsentDecision[];
  previousContacts: readonly PreviousContact[];
}

export const NO_HISTORY: RecordHistory = {
  ragChanges: [],
  deadlineChanges: [],
  consentDecisions: [],
  previousContacts: [],
};

function checkAsSeenBy(check: RecordCheck, roles: readonly StaffRole[]): CheckView {
  const response = check.response;
  return {
    checkId: check.checkId,
    agency: check.agency,
    status: check.status,
    plannedAt: check.plannedAt.toISOString(),
    requestedAt: iso(check.requestedAt),
    dueAt: iso(check.dueAt),
    respondedAt: iso(check.respondedAt),
    late: check.overdueAt !== null,
    overdueSince: iso(check.overdueAt),
    chases: check.chaseCount,
    lastChasedAt: iso(check.lastChasedAt),
    cancelled: check.cancelledAt
      ? { at: check.cancelledAt.toISOString(), by: check.cancelledBy ?? '', reason: check.cancelReason }
      : null,
    response: response
      ? {
          rag: response.rag,
          analysis: response.analysis,
          noTrace: response.noTrace,
          matches: response.matches,
          items: itemsAsSeenBy(response.items, check.agency, roles),
          respondedBy: response.respondedBy,
          partial: response.partial === true,
          awaiting: response.awaiting ?? [],
        }
      : null,
  };
}

function deadline(dueAt: Date | null, metAt: Date | null, now: Date): DeadlineView {
  return { dueAt: iso(dueAt), metAt: iso(metAt), status: deadlineStatus(dueAt, metAt, now) };
}

/**
 * The checks deadline is met when every check still counted (asked for, or waiting for consent) has
 * answered, at the time the last one did. With no such check, nothing is owed: not applicable.
 */
function checksDeadline(record: MashRecord, checks: readonly RecordCheck[], now: Date): DeadlineView {
  const counted = checks.filter(
    (check) =>
      isOutstanding(check.status) || check.status === 'responded' || check.status === 'awaiting-consent',
  );
  if (!counted.length) return { dueAt: iso(record.checksDueAt), metAt: null, status: 'not-applicable' };
  const answered = counted.every((check) => check.status === 'responded' && check.respondedAt);
  const metAt = answered ? new Date(Math.max(...counted.map((check) => check.respondedAt!.getTime()))) : null;
  return deadline(record.checksDueAt, metAt, now);
}

function deadlinesOf(
  record: MashRecord,
  checks: readonly RecordCheck[],
  history: readonly DeadlineChange[],
  now: Date,
): DeadlinesView {
  return {
    checksDueAt: iso(record.checksDueAt),
    decisionDueAt: iso(record.decisionDueAt),
    feedbackDueAt: iso(record.feedbackDueAt),
    leaveHubBy: iso(record.leaveHubBy),
    checks: checksDeadline(record, checks, now),
    decision: deadline(record.decisionDueAt, record.decidedAt, now),
    leaveHub: record.leaveHubBy
      ? deadline(record.leaveHubBy, record.decidedAt, now)
      : { dueAt: null, metAt: iso(record.decidedAt), status: 'not-applicable' },
    feedback: record.decidedAt
      ? deadline(record.feedbackDueAt, record.feedbackSentAt, now)
      : { dueAt: null, metAt: null, status: 'not-applicable' },
    alerts: record.alerts.map((alert) => ({
      kind: alert.kind,
      childIndex: alert.childIndex ?? null,
      to: alert.to ?? null,
      dueAt: alert.dueAt,
      sentAt: alert.sentAt ?? null,
      sentBy: alert.sentBy ?? null,
      status: deadlineStatus(new Date(alert.dueAt), alert.sentAt ? new Date(alert.sentAt) : null, now),
    })),
    history: history.map((change) => ({
      at: change.at.toISOString(),
      cause: change.cause,
      changedBy: change.changedBy,
      reason: change.reason,
      rag: change.rag,
      checksDueAt: iso(change.checksDueAt),
      decisionDueAt: iso(change.decisionDueAt),
      leaveHubBy: iso(change.leaveHubBy),
      feedbackDueAt: iso(change.feedbackDueAt),
      checks: change.checks,
    })),
  };
}

function previousContactView(contact: PreviousContact): PreviousContactView {
  return {
    contactId: contact.contactId,
    reference: contact.reference,
    receivedAt: contact.receivedAt.toISOString(),
    status: contact.status,
    outcome: contact.outcome,
    decidedAt: iso(contact.decidedAt),
    childIndexes: contact.childIndexes,
    matchedBy: contact.matchedBy,
  };
}

/** The MASH record (API.md shape) as someone holding these roles may see it, at `now`. */
export function recordAsSeenBy(
  record: MashRecord,
  checks: readonly RecordCheck[],
  roles: readonly StaffRole[],
  now: Date,
  history: RecordHistory = NO_HISTORY,
): MashRecordResponse {
  const contact = record.contact;
  return {
    contactId: record.contactId,
    reference: record.reference,
    status: record.status,
    receivedAt: record.receivedAt.toISOString(),
    contact: {
      referrer: contact.referrer,
      children: contact.children,
      adults: contact.adults ?? [],
      concern: contact.concern,
      consent: contact.consent,
      source: contact.source,
      channel: contact.channel,
      requestType: contact.requestType,
    },
    screening: {
      route: record.screening.route,
      socialCareIndex: record.screening.socialCareIndex,
      rationale: record.screening.rationale,
      screenedAt: record.screening.screenedAt,
      children: record.childrenScreening.map(({ childIndex, route, rag, rationale }) => ({
        childIndex,
        route,
        rag,
        rationale,
      })),
    },
    rag: {
      rating: record.ragRating,
      setAt: record.ragSetAt.toISOString(),
      setBy: record.ragSetBy,
      reason: record.ragReason,
      history: history.ragChanges.map((change) => ({
        rating: change.rating,
        previous: change.previous,
        at: change.at.toISOString(),
        source: change.source,
        setBy: change.setBy,
        reason: change.reason,
        agency: change.agency,
        checkId: change.checkId,
        requested: change.requested,
      })),
    },
    deadlines: deadlinesOf(record, checks, history.deadlineChanges, now),
    checks: checks.map((check) => checkAsSeenBy(check, roles)),
    consent: {
      referrer: {
        status: contact.consent.status,
        givenBy: contact.consent.givenBy ?? null,
        reason: contact.consent.reason ?? null,
      },
      outcome: record.consent?.outcome ?? null,
      exception: record.consent?.exception ?? null,
      decisions: history.consentDecisions.map((decision) => ({
        decision: decision.decision,
        rationale: decision.rationale,
        decidedBy: decision.decidedBy,
        decidedAt: decision.at.toISOString(),
      })),
    },
    escalations: history.ragChanges
      .filter((change) => change.source === 'escalation')
      .map((change) => ({
        agency: change.agency!,
        checkId: change.checkId!,
        requested: change.requested ?? change.rating,
        raised: change.previous !== change.rating,
        at: change.at.toISOString(),
        by: change.setBy,
        reason: change.reason,
      })),
    previousContacts: history.previousContacts.map(previousContactView),
    profile: record.profile,
    decision:
      record.outcome && record.decidedBy && record.decidedAt
        ? {
            outcome: record.outcome,
            rationale: record.rationale ?? '',
            feedbackToReferrer: record.feedbackToReferrer,
            decidedBy: record.decidedBy,
            decidedAt: record.decidedAt.toISOString(),
            signedOffBy: record.signedOffBy,
          }
        : null,
    feedbackSentAt: iso(record.feedbackSentAt),
  };
}
