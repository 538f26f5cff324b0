import type { EntityManager } from 'typeorm';
import type { MashRecord } from '../records/mash-record.entity';
import type { RecordCheck } from '../records/record-check.entity';
import { isOutstanding } from '../records/record-status';
import { DeadlineCause, DeadlineChange } from './deadline-change.entity';

/**
 * Appends the record's deadlines, as they stand after a change, to its history: when, why and by
 * whom, with the due time of every check still owed. Call it after the change is written, in the
 * same transaction.
 */
export async function appendDeadlineHistory(
  manager: EntityManager,
  record: Pick<
    MashRecord,
    'contactId' | 'ragRating' | 'checksDueAt' | 'decisionDueAt' | 'leaveHubBy' | 'feedbackDueAt'
  >,
  checks: readonly Pick<RecordCheck, 'checkId' | 'agency' | 'status' | 'dueAt'>[],
  entry: { at: Date; cause: DeadlineCause; changedBy: string; reason: string | null },
): Promise<void> {
  await manager.insert(DeadlineChange, {
    contactId: record.contactId,
    at: entry.at,
    cause: entry.cause,
    changedBy: entry.changedBy,
    reason: entry.reason,
    rag: record.ragRating,
    checksDueAt: record.checksDueAt,
    decisionDueAt: record.decisionDueAt,
    leaveHubBy: record.leaveHubBy,
    feedbackDueAt: record.feedbackDueAt,
    checks: checks
      .filter((check) => isOutstanding(check.status))
      .map((check) => ({
        checkId: check.checkId,
        agency: check.agency,
        dueAt: check.dueAt ? check.dueAt.toISOString() : null,
      })),
  });
}
