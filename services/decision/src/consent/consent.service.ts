import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock, CLOCK, ConflictError, metricsRegistry, Principal } from '@mash/platform';
import { AuditTrail } from '../audit/audit-trail';
import { CheckRequests } from '../checks/check-requests';
import { HUB_POLICY, HubPolicy } from '../policy/hub-policy';
import type { MashRecordResponse } from '../records/dto/mash-record.response';
import { MashRecord } from '../records/mash-record.entity';
import { RecordCheck } from '../records/record-check.entity';
import { statusOnScreening } from '../records/record-status';
import { changeRecord, findChecks, readRecordView } from '../records/record-store';
import { appendDeadlineHistory } from '../timescales/deadline-history';
import { checksDueFrom } from '../timescales/deadlines';
import { ConsentDecision } from './consent-decision.entity';
import { consentDecisionEffect } from './consent-rule';
import type { ConsentDecisionRequest } from './dto/consent-decision.request';

const consentDecisions = new Counter({
  name: 'mash_consent_decisions_total',
  help: 'Consent decisions recorded by team managers, by decision',
  labelNames: ['decision'],
  registers: [metricsRegistry],
});

@Injectable()
export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkRequests: CheckRequests,
    private readonly audit: AuditTrail,
    @Inject(HUB_POLICY) private readonly policy: HubPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records a team manager's consent decision on a record waiting for one: who, when, why, on the
   * record and in the audit log. Override and consent obtained send the planned checks from here
   * (`check.requested` on each agency's own queue, due by the rating's timescale from now); proceed
   * without checks marks them not required. All in one transaction, or nothing.
   */
  async decide(
    contactId: string,
    request: ConsentDecisionRequest,
    principal: Principal,
  ): Promise<MashRecordResponse> {
    return changeRecord(this.dataSource, contactId, async (manager, record) => {
      if (record.status !== 'awaiting-consent-decision') {
        throw new ConflictError(
          'no-consent-decision-pending',
          `the record is ${record.status}; a consent decision is recorded only while it is awaiting-consent-decision`,
        );
      }
      const now = this.clock.now();
      const effect = consentDecisionEffect(request.decision);
      const checks = await findChecks(manager, contactId);
      const planned = checks.filter((check) => check.status === 'awaiting-consent');

      await manager.insert(ConsentDecision, {
        contactId,
        at: now,
        decision: request.decision,
        decidedBy: principal.id,
        rationale: request.rationale?.trim() ? request.rationale : null,
      });

      let checksDueAt = record.checksDueAt;
      if (effect.checks === 'send') {
        checksDueAt = checksDueFrom(this.policy, record.ragRating, now, record.receivedAt);
        for (const check of planned) {
          await this.checkRequests.send(manager, record, check, {
            rag: record.ragRating,
            dueAt: checksDueAt,
            at: now,
            actor: principal,
            cause: 'consent',
          });
        }
      } else {
        checksDueAt = null;
        for (const check of planned) {
          check.status = 'not-required';
          await manager.update(RecordCheck, { checkId: check.checkId }, { status: 'not-required' });
        }
      }

      Object.assign(record, {
        status: statusOnScreening(checks),
        consent: {
          status: record.consent?.status ?? record.contact.consent.status,
          outcome: effect.outcome,
          exception: record.consent?.exception ?? null,
        },
        checksDueAt,
        updatedAt: now,
      } satisfies Partial<MashRecord>);
      await manager.update(
        MashRecord,
        { contactId },
        {
          status: record.status,
          consent: record.consent,
          checksDueAt: record.checksDueAt,
          updatedAt: record.updatedAt,
        },
      );
      await appendDeadlineHistory(manager, record, checks, {
        at: now,
        cause: 'consent',
        changedBy: principal.id,
        reason: `consent decision: ${request.decision}`,
      });
      await this.audit.write(manager, {
        actor: principal,
        action: 'record-consent-decision',
        contactId,
        detail: {
          decision: request.decision,
          checksRequested: effect.checks === 'send' ? planned.length : 0,
        },
      });
      consentDecisions.inc({ decision: request.decision });
      return readRecordView(manager, contactId, principal.roles, now);
    });
  }
}
