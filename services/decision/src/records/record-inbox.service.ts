import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CheckResponded, ContactScreened, NotificationSent } from '@mash/contracts';
import { RetryableMessageError } from '@mash/messaging';
import { Clock, CLOCK } from '@mash/platform';
import { alertSentViolations, withAlertSent } from '../alerts/alert-sent';
import { AuditTrail } from '../audit/audit-trail';
import { HUB_POLICY, HubPolicy } from '../policy/hub-policy';
import { RagChange } from '../rag/rag-change.entity';
import { childKeys } from '../repeats/child-keys';
import { RepeatContacts } from '../repeats/repeat-contacts';
import { appendDeadlineHistory } from '../timescales/deadline-history';
import { deadlinesAtScreening } from '../timescales/deadlines';
import { MashRecord } from './mash-record.entity';
import { RecordCheck, UNTOUCHED_CHECK } from './record-check.entity';
import { statusAfterResponse, statusOnScreening } from './record-status';
import { findAgencyCheck, findRecord } from './record-store';

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** Who set the first RAG rating: screening is done by the triage service, not a person. */
export const SCREENING_RATER = 'triage';

/**
 * Builds the MASH record from what arrives on decision.inbox. Each method runs inside the inbox
 * transaction (the message is acknowledged only once it commits), and the inbox already drops exact
 * redeliveries; the checks below also make a second, differently-identified copy harmless.
 */
@Injectable()
export class RecordInboxService {
  private readonly logger = new Logger('records');

  constructor(
    private readonly audit: AuditTrail,
    private readonly repeats: RepeatContacts,
    @Inject(HUB_POLICY) private readonly policy: HubPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onContactScreened(message: ContactScreened, manager: EntityManager): Promise<void> {
    if (await findRecord(manager, message.contactId)) {
      this.logger.log(`contact ${message.contactId} already has a MASH record; screening ignored`);
      return;
    }
    if (message.profile && message.profile !== this.policy.profile.id) {
      // Screening's deadlines are kept as sent; recomputations here use decision's own profile.
      this.logger.warn(
        `contact ${message.contactId} was screened with profile ${message.profile}, decision runs ${this.policy.profile.id}`,
      );
    }
    const now = this.clock.now();
    const screenedAt = new Date(message.screenedAt);
    const { deadlines, computedHere } = deadlinesAtScreening(this.policy, message);
    // A check planned pending consent is never left unsent unnoticed: the record waits for a manager
    // whenever screening says consent awaits a decision or holds any check back for it.
    const awaitingConsentDecision =
      message.consent?.outcome === 'awaiting-decision' ||
      message.checks.some((check) => check.state === 'awaiting-consent');
    const checks: RecordCheck[] = message.checks.map((check) => {
      const awaitingConsent = check.state === 'awaiting-consent';
      return manager.create(RecordCheck, {
        checkId: check.checkId,
        contactId: message.contactId,
        agency: check.agency,
        status: awaitingConsent ? 'awaiting-consent' : 'requested',
        plannedAt: screenedAt,
        requestedAt: awaitingConsent ? null : screenedAt,
        // A check awaiting consent is timed when it is sent; one sent at screening is due when
        // triage said, or by the screening deadline when triage said nothing about it.
        dueAt: awaitingConsent ? null : check.dueAt !== undefined ? date(check.dueAt) : deadlines.checksDueAt,
        ...UNTOUCHED_CHECK,
        subjectIds: check.subjectIds ?? null,
      });
    });
    const record = manager.create(MashRecord, {
      contactId: message.contactId,
      reference: message.contact.reference,
      status: statusOnScreening(checks, awaitingConsentDecision),
      route: message.route,
      receivedAt: new Date(message.contact.receivedAt),
      screening: {
        route: message.route,
        socialCareIndex: message.socialCareIndex,
        rationale: message.rationale,
        screenedAt: message.screenedAt,
      },
      ragRating: message.rag,
      ragSetAt: screenedAt,
      ragSetBy: SCREENING_RATER,
      ragReason: 'initial rating at screening',
      contact: message.contact,
      checksDueAt: deadlines.checksDueAt,
      decisionDueAt: deadlines.decisionDueAt,
      leaveHubBy: deadlines.leaveHubBy,
      feedbackDueAt: null,
      profile: message.profile ?? null,
      consent: message.consent
        ? {
            status: message.consent.status,
            outcome: message.consent.outcome,
            exception: message.consent.exception ?? null,
          }
        : null,
      alerts: message.alerts ?? [],
      childrenScreening: message.children ?? [],
      subjects: message.subjects ?? null,
      outcome: null,
      rationale: null,
      feedbackToReferrer: null,
      decidedBy: null,
      decidedAt: null,
      signedOffBy: null,
      feedbackSentAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(MashRecord, record);
    if (checks.length) await manager.insert(RecordCheck, checks);
    await manager.insert(RagChange, {
      contactId: record.contactId,
      at: screenedAt,
      source: 'screening',
      rating: record.ragRating,
      previous: null,
      setBy: SCREENING_RATER,
      reason: record.ragReason,
      agency: null,
      checkId: null,
      requested: null,
    });
    await appendDeadlineHistory(manager, record, checks, {
      at: screenedAt,
      cause: 'screening',
      changedBy: SCREENING_RATER,
      reason: computedHere
        ? `computed by decision with profile ${this.policy.profile.id}: screening sent no deadlines`
        : null,
    });
    await this.repeats.link(manager, record, childKeys(message.contact.children, message.socialCareIndex));
  }

  async onCheckResponded(message: CheckResponded, manager: EntityManager): Promise<void> {
    const { record, checks, check } = await findAgencyCheck(manager, message);
    if (check.status === 'responded' && !answerReplaces(check, message)) {
      this.logger.log(`check ${check.checkId} has already been answered; response ignored`);
      return;
    }
    const replacesPartial = check.status === 'responded';
    // An overdue check answered late becomes responded; when it became overdue stays on it (it was
    // late). An answer to a withdrawn check is kept too: the agency shared it and the hub holds it.
    check.status = 'responded';
    check.respondedAt = new Date(message.respondedAt);
    check.response = {
      rag: message.rag,
      analysis: message.analysis,
      noTrace: message.noTrace,
      matches: message.matches.map(({ subjectId, recordId, confidence }) => ({
        subjectId,
        recordId,
        confidence,
      })),
      items: message.items.map(({ summary, classification, recordId, subjectId }) => ({
        summary,
        classification,
        recordId: recordId ?? null,
        subjectId: subjectId ?? null,
      })),
      respondedBy: message.respondedBy,
      partial: message.partial === true,
      awaiting: message.partial
        ? (message.awaiting ?? []).map(({ what, from, since }) => ({ what, from, since }))
        : [],
    };
    await manager.update(
      RecordCheck,
      { checkId: check.checkId },
      { status: check.status, respondedAt: check.respondedAt, response: check.response },
    );
    await manager.update(
      MashRecord,
      { contactId: record.contactId },
      { status: statusAfterResponse(record.status, checks), updatedAt: this.clock.now() },
    );
    // A disclosure from the agency to the hub: who shared, what kind, how much (never what).
    await this.audit.write(manager, {
      actor: { id: message.respondedBy, roles: [] },
      action: 'receive-check-response',
      contactId: record.contactId,
      detail: {
        checkId: check.checkId,
        agency: check.agency,
        partial: message.partial === true,
        replacesPartial,
        items: message.items.length,
        mashOnlyItems: message.items.filter((item) => item.classification === 'mash-only').length,
      },
    });
  }

  /**
   * The referrer has been told the outcome. Acknowledgements and letters to the family are not the
   * feedback to the referrer the protocols time (Croydon 8: no later than one working day after the decision).
   */
  async onNotificationSent(message: NotificationSent, manager: EntityManager): Promise<void> {
    // An acknowledgement may be sent before screening has made the record; it changes nothing on it.
    if (message.kind === 'acknowledgement') return;
    const record = await findRecord(manager, message.contactId, { lock: true });
    if (!record) throw new RetryableMessageError(`no MASH record yet for contact ${message.contactId}`);
    if (message.kind === 'alert') {
      // notifications emailed (or staff sent by hand) an alert screening asked for: the record's alert is sent.
      const index = message.alertIndex;
      if (index == null || alertSentViolations(record.alerts, index).length) return;
      await manager.update(
        MashRecord,
        { contactId: record.contactId },
        {
          alerts: withAlertSent(record.alerts, index, new Date(message.sentAt), 'notifications'),
          updatedAt: this.clock.now(),
        },
      );
      return;
    }
    if (message.recipient !== 'referrer') return;
    if (record.feedbackSentAt) return;
    await manager.update(
      MashRecord,
      { contactId: record.contactId },
      { feedbackSentAt: new Date(message.sentAt), updatedAt: this.clock.now() },
    );
  }
}

/**
 * A later answer completes or updates a partial one and replaces it (CheckResponded); a complete answer
 * is final, and an answer older than the one held (delivered out of order) changes nothing.
 */
export function answerReplaces(
  check: { response: { partial?: boolean } | null; respondedAt: Date | null },
  message: { respondedAt: string },
): boolean {
  if (!check.response?.partial) return false;
  return !check.respondedAt || Date.parse(message.respondedAt) >= check.respondedAt.getTime();
}
