import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { MessageTypes } from '@mash/contracts';
import { notificationSettings } from '@mash/policy';
import { Outbox } from '@mash/messaging';
import { Clock, CLOCK, ConflictError, DomainError, metricsRegistry, Principal } from '@mash/platform';
import { AuditTrail } from '../audit/audit-trail';
import { HUB_POLICY, HubPolicy } from '../policy/hub-policy';
import type { MashRecordResponse } from '../records/dto/mash-record.response';
import { MashRecord } from '../records/mash-record.entity';
import type { RecordCheck } from '../records/record-check.entity';
import { changeRecord, findChecks, readRecordView } from '../records/record-store';
import { appendDeadlineHistory } from '../timescales/deadline-history';
import { feedbackDueFrom } from '../timescales/deadlines';
import { decisionRecordedMessage } from './decision-recorded-message';
import type { RecordDecisionRequest } from './dto/record-decision.request';
import { quotesMashOnlyItem } from './mash-only-leak';

const decisionsRecorded = new Counter({
  name: 'mash_decisions_recorded_total',
  help: 'Decisions recorded, by outcome',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});
const decisionsTimeliness = new Counter({
  name: 'mash_decisions_timeliness_total',
  help: 'Decisions recorded, by whether they were within the decision timescale (true, false, or no-deadline)',
  labelNames: ['within_timescale'],
  registers: [metricsRegistry],
});
const feedbackRefused = new Counter({
  name: 'mash_feedback_refused_total',
  help: 'Decisions refused because the feedback to the referrer quoted a mash-only item',
  registers: [metricsRegistry],
});

export class MashOnlyInFeedbackError extends DomainError {
  constructor() {
    super(
      'mash-only-in-feedback',
      'feedbackToReferrer quotes information an agency marked mash-only; it must not leave the hub',
      HttpStatus.UNPROCESSABLE_ENTITY,
      [
        {
          field: 'feedbackToReferrer',
          rule: 'noMashOnlyInformation',
          message: 'feedbackToReferrer must not quote a mash-only item',
        },
      ],
    );
  }
}

/** A text that leaves the hub (the rationale where the profile sends it, the advice given) quoted a mash-only item. */
export class MashOnlyInOutgoingTextError extends DomainError {
  constructor(field: 'rationale' | 'adviceGiven') {
    super(
      'mash-only-in-outgoing-text',
      `${field} is sent out under this hub's profile and quotes information an agency marked mash-only`,
      HttpStatus.UNPROCESSABLE_ENTITY,
      [{ field, rule: 'noMashOnlyInformation', message: `${field} must not quote a mash-only item` }],
    );
  }
}

function mashOnlySummaries(checks: readonly RecordCheck[]): string[] {
  return checks.flatMap((check) =>
    (check.response?.items ?? [])
      .filter((item) => item.classification === 'mash-only')
      .map((item) => item.summary),
  );
}

@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @Inject(HUB_POLICY) private readonly policy: HubPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records the decision, its audit entry and its `decision.recorded` in one transaction, with the
   * record locked so a late agency response cannot interleave. Nothing is written when it is refused.
   * The feedback deadline starts now (Croydon 8: the referrer is told no later than 1 working day
   * after the decision) and is appended to the deadline history.
   */
  async decide(
    contactId: string,
    request: RecordDecisionRequest,
    principal: Principal,
  ): Promise<MashRecordResponse> {
    return changeRecord(this.dataSource, contactId, async (manager, record) => {
      if (record.status !== 'ready-for-decision') {
        throw new ConflictError(
          'not-ready-for-decision',
          `the record is ${record.status}; a decision is recorded only when it is ready-for-decision`,
        );
      }
      const checks = await findChecks(manager, contactId);
      const feedbackToReferrer = request.feedbackToReferrer?.trim() ? request.feedbackToReferrer : null;
      if (feedbackToReferrer && quotesMashOnlyItem(feedbackToReferrer, mashOnlySummaries(checks))) {
        feedbackRefused.inc();
        throw new MashOnlyInFeedbackError();
      }

      // The rationale stays in the MASH unless the profile sends it to the referrer (Croydon 8: NFA).
      const sendsRationale = notificationSettings(this.policy.profile).rationaleToReferrerFor.includes(
        request.outcome,
      );
      const summaries = mashOnlySummaries(checks);
      if (sendsRationale && quotesMashOnlyItem(request.rationale, summaries)) {
        feedbackRefused.inc();
        throw new MashOnlyInOutgoingTextError('rationale');
      }
      const adviceGiven = request.adviceGiven?.trim() ? request.adviceGiven : null;
      if (adviceGiven && quotesMashOnlyItem(adviceGiven, summaries)) {
        feedbackRefused.inc();
        throw new MashOnlyInOutgoingTextError('adviceGiven');
      }
      const decision = {
        outcome: request.outcome,
        decidedAt: this.clock.now(),
        decidedBy: principal.id,
        feedbackToReferrer,
        familyNotToldReason: request.familyNotToldReason?.trim() || null,
        adviceGiven,
        receivingTeam: request.receivingTeam ?? null,
        rationaleForReferrer: sendsRationale ? request.rationale : null,
      };
      const feedbackDueAt = feedbackDueFrom(this.policy, decision.decidedAt);
      await manager.update(
        MashRecord,
        { contactId },
        {
          status: 'decided',
          outcome: decision.outcome,
          rationale: request.rationale,
          feedbackToReferrer,
          decidedBy: decision.decidedBy,
          decidedAt: decision.decidedAt,
          feedbackDueAt,
          updatedAt: decision.decidedAt,
        },
      );
      await appendDeadlineHistory(manager, { ...record, feedbackDueAt }, checks, {
        at: decision.decidedAt,
        cause: 'decision',
        changedBy: decision.decidedBy,
        reason: null,
      });
      await this.audit.write(manager, {
        actor: principal,
        action: 'record-decision',
        contactId,
        // The reason the family is not told is recorded in the audit log (Bexley 22) and on the notifications.
        detail: {
          outcome: decision.outcome,
          feedbackToReferrer: feedbackToReferrer !== null,
          ...(decision.familyNotToldReason ? { familyNotToldReason: decision.familyNotToldReason } : {}),
          ...(adviceGiven ? { adviceGiven: true } : {}),
          ...(sendsRationale ? { rationaleSent: true } : {}),
        },
      });
      await this.outbox.enqueue(manager, {
        type: MessageTypes.DecisionRecorded,
        correlationId: contactId,
        body: decisionRecordedMessage(record, decision),
      });
      decisionsRecorded.inc({ outcome: decision.outcome });
      decisionsTimeliness.inc({
        within_timescale: record.decisionDueAt
          ? String(decision.decidedAt.getTime() <= record.decisionDueAt.getTime())
          : 'no-deadline',
      });

      return readRecordView(manager, contactId, principal.roles, decision.decidedAt);
    });
  }
}
