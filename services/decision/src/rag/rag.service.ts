import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import type { Agency, CheckEscalated, RagRating } from '@mash/contracts';
import { Clock, CLOCK, metricsRegistry, Principal, ValidationFailedError } from '@mash/platform';
import { AuditTrail } from '../audit/audit-trail';
import { CheckRequests } from '../checks/check-requests';
import { HUB_POLICY, HubPolicy } from '../policy/hub-policy';
import type { MashRecordResponse } from '../records/dto/mash-record.response';
import { MashRecord } from '../records/mash-record.entity';
import type { RecordCheck } from '../records/record-check.entity';
import { assertOpenForChanges } from '../records/record-rules';
import { isAwaitingDecision } from '../records/record-status';
import { changeRecord, findAgencyCheck, findChecks, readRecordView } from '../records/record-store';
import { appendDeadlineHistory } from '../timescales/deadline-history';
import { deadlinesAfterRagChange } from '../timescales/deadlines';
import type { ChangeRagRequest } from './dto/change-rag.request';
import { ratingAfterEscalation } from './escalation';
import { RagChange, RagSource } from './rag-change.entity';

const ragChanges = new Counter({
  name: 'mash_rag_changes_total',
  help: 'RAG ratings changed after screening, by who changed them (manager, escalation)',
  labelNames: ['source'],
  registers: [metricsRegistry],
});
const escalations = new Counter({
  name: 'mash_escalations_total',
  help: 'Escalations received from agencies, by agency and whether they raised the rating',
  labelNames: ['agency', 'raised'],
  registers: [metricsRegistry],
});

interface RatingChange {
  rating: RagRating;
  source: Exclude<RagSource, 'screening'>;
  by: string;
  reason: string;
  at: Date;
  agency?: Agency;
  checkId?: string;
  requested?: RagRating;
}

/** The RAG rating after screening: a team manager's changes and the agencies' escalations. */
@Injectable()
export class RagService {
  private readonly logger = new Logger('rag');

  constructor(
    private readonly dataSource: DataSource,
    private readonly checkRequests: CheckRequests,
    private readonly audit: AuditTrail,
    @Inject(HUB_POLICY) private readonly policy: HubPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A team manager changes the rating, with a reason (Northamptonshire 16: the manager agrees initial
   * and subsequent RAG ratings). Deadlines are recomputed from now and every check still owed is
   * re-timed; all in one transaction, or nothing.
   */
  async change(
    contactId: string,
    request: ChangeRagRequest,
    principal: Principal,
  ): Promise<MashRecordResponse> {
    return changeRecord(this.dataSource, contactId, async (manager, record) => {
      assertOpenForChanges(record);
      if (request.rating === record.ragRating) {
        throw new ValidationFailedError([
          { field: 'rating', rule: 'changesTheRating', message: `rating is already ${record.ragRating}` },
        ]);
      }
      const previous = record.ragRating;
      const now = this.clock.now();
      const checks = await findChecks(manager, contactId);
      await this.applyRating(manager, record, checks, {
        rating: request.rating,
        source: 'manager',
        by: principal.id,
        reason: request.reason,
        at: now,
      });
      await this.audit.write(manager, {
        actor: principal,
        action: 'change-rag',
        contactId,
        detail: { rating: request.rating, previous },
      });
      return readRecordView(manager, contactId, principal.roles, now);
    });
  }

  /**
   * Northamptonshire stage 2: an agency that finds information significantly heightening the concern
   * escalates it, and the rating is raised so every partner expedites. The rating rises to what the
   * agency asks for, never lower; deadlines are recomputed and every check still owed is re-timed.
   * An escalation that cannot raise it (already as high, or the contact already decided) is recorded
   * all the same: who escalated, when and why show on the record.
   */
  async escalate(message: CheckEscalated, manager: EntityManager): Promise<void> {
    const { record, checks } = await findAgencyCheck(manager, message);
    const now = this.clock.now();
    const outcome = ratingAfterEscalation(record.ragRating, message.rag);
    const raised = outcome.raised && isAwaitingDecision(record.status);
    const change: RatingChange = {
      rating: raised ? outcome.rating : record.ragRating,
      source: 'escalation',
      by: message.escalatedBy,
      reason: message.reason,
      at: now,
      agency: message.agency,
      checkId: message.checkId,
      requested: message.rag,
    };
    if (raised) {
      await this.applyRating(manager, record, checks, change);
    } else {
      await this.recordRagChange(manager, record.contactId, record.ragRating, change);
    }
    await this.audit.write(manager, {
      actor: { id: message.escalatedBy, roles: [] },
      action: 'receive-escalation',
      contactId: record.contactId,
      detail: { checkId: message.checkId, agency: message.agency, requested: message.rag, raised },
    });
    escalations.inc({ agency: message.agency, raised: String(raised) });
    this.logger.log(
      `contact ${record.contactId}: ${message.agency} escalated check ${message.checkId}; rating ${raised ? 'raised' : 'unchanged'}`,
    );
  }

  private async applyRating(
    manager: EntityManager,
    record: MashRecord,
    checks: RecordCheck[],
    change: RatingChange,
  ): Promise<void> {
    const previous = record.ragRating;
    const deadlines = deadlinesAfterRagChange(this.policy, {
      current: record,
      from: previous,
      to: change.rating,
      changedAt: change.at,
      receivedAt: record.receivedAt,
      immediateDanger: record.contact.concern.immediateDanger === true,
    });
    Object.assign(record, {
      ragRating: change.rating,
      ragSetAt: change.at,
      ragSetBy: change.by,
      ragReason: change.reason,
      checksDueAt: deadlines.checksDueAt,
      decisionDueAt: deadlines.decisionDueAt,
      leaveHubBy: deadlines.leaveHubBy,
      updatedAt: change.at,
    });
    await manager.update(
      MashRecord,
      { contactId: record.contactId },
      {
        ragRating: record.ragRating,
        ragSetAt: record.ragSetAt,
        ragSetBy: record.ragSetBy,
        ragReason: record.ragReason,
        checksDueAt: record.checksDueAt,
        decisionDueAt: record.decisionDueAt,
        leaveHubBy: record.leaveHubBy,
        updatedAt: record.updatedAt,
      },
    );
    await this.recordRagChange(manager, record.contactId, previous, change);
    await this.checkRequests.retimeOpenChecks(manager, checks, {
      rag: change.rating,
      dueAt: deadlines.checksDueAt,
      at: change.at,
    });
    await appendDeadlineHistory(manager, record, checks, {
      at: change.at,
      cause: change.source === 'manager' ? 'rag-change' : 'escalation',
      changedBy: change.by,
      reason: change.reason,
    });
    ragChanges.inc({ source: change.source });
  }

  private async recordRagChange(
    manager: EntityManager,
    contactId: string,
    previous: RagRating,
    change: RatingChange,
  ): Promise<void> {
    await manager.insert(RagChange, {
      contactId,
      at: change.at,
      source: change.source,
      rating: change.rating,
      previous,
      setBy: change.by,
      reason: change.reason,
      agency: change.agency ?? null,
      checkId: change.checkId ?? null,
      requested: change.requested ?? null,
    });
  }
}
