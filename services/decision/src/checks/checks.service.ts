import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, CLOCK, Principal, ValidationFailedError } from '@mash/platform';
import { AuditTrail } from '../audit/audit-trail';
import { HUB_POLICY, HubPolicy } from '../policy/hub-policy';
import type { MashRecordResponse } from '../records/dto/mash-record.response';
import { MashRecord } from '../records/mash-record.entity';
import { RecordCheck, UNTOUCHED_CHECK } from '../records/record-check.entity';
import { assertOpenForChanges } from '../records/record-rules';
import { statusAfterChecksChanged } from '../records/record-status';
import { changeRecord, findChecks, readRecordView } from '../records/record-store';
import { latest } from '../timescales/deadline-status';
import { appendDeadlineHistory } from '../timescales/deadline-history';
import { checksDueFrom } from '../timescales/deadlines';
import { agencyChange } from './agency-change';
import { CheckRequests } from './check-requests';
import type { ChangeAgenciesRequest } from './dto/change-agencies.request';

/** A team manager's changes to which agencies a contact is checked with. */
@Injectable()
export class ChecksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkRequests: CheckRequests,
    private readonly audit: AuditTrail,
    @Inject(HUB_POLICY) private readonly policy: HubPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Agencies newly named are asked now (due by the rating's timescale from now), or planned to be
   * asked when the record is still waiting for a consent decision; agencies left out are withdrawn
   * (`cancelled`, no longer counted for ready-for-decision). Deadlines are appended to the history.
   * All in one transaction, or nothing.
   */
  async changeAgencies(
    contactId: string,
    request: ChangeAgenciesRequest,
    principal: Principal,
  ): Promise<MashRecordResponse> {
    return changeRecord(this.dataSource, contactId, async (manager, record) => {
      assertOpenForChanges(record);
      const checks = await findChecks(manager, contactId);
      const change = agencyChange(checks, request.agencies);
      if (!change.ok) {
        throw new ValidationFailedError([
          change.refusal === 'unchanged'
            ? {
                field: 'agencies',
                rule: 'changesTheChecks',
                message: 'agencies names the agencies already checked with',
              }
            : {
                field: 'agencies',
                rule: 'keepsAnsweredChecks',
                message: `agencies must keep the agencies that have already answered (${change.agencies.join(', ')})`,
              },
        ]);
      }

      const now = this.clock.now();
      const awaitingConsent = record.status === 'awaiting-consent-decision';
      const dueAt = awaitingConsent
        ? null
        : checksDueFrom(this.policy, record.ragRating, now, record.receivedAt);
      for (const withdrawn of change.withdraw) {
        await this.checkRequests.cancel(manager, withdrawn, {
          at: now,
          by: principal.id,
          reason: request.reason,
        });
      }
      for (const agency of change.add) {
        const check = manager.create(RecordCheck, {
          checkId: randomUUID(),
          contactId,
          agency,
          status: 'awaiting-consent',
          plannedAt: now,
          requestedAt: null,
          dueAt: null,
          ...UNTOUCHED_CHECK,
          subjectIds: null,
        });
        if (awaitingConsent) await manager.insert(RecordCheck, check);
        else {
          await this.checkRequests.send(manager, record, check, {
            rag: record.ragRating,
            dueAt,
            at: now,
            actor: principal,
            cause: 'agencies-change',
          });
        }
        checks.push(check);
      }

      // The record expects every answer by the latest due time of its checks.
      if (change.add.length && dueAt) record.checksDueAt = latest(record.checksDueAt, dueAt);
      record.status = statusAfterChecksChanged(record.status, checks);
      await manager.update(
        MashRecord,
        { contactId },
        { status: record.status, checksDueAt: record.checksDueAt, updatedAt: now },
      );
      await appendDeadlineHistory(manager, record, checks, {
        at: now,
        cause: 'agencies-change',
        changedBy: principal.id,
        reason: request.reason,
      });
      await this.audit.write(manager, {
        actor: principal,
        action: 'change-agencies',
        contactId,
        detail: {
          added: change.add.join(',') || null,
          withdrawn: change.withdraw.map((check) => check.agency).join(',') || null,
        },
      });
      return readRecordView(manager, contactId, principal.roles, now);
    });
  }
}
