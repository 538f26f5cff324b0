import type { DataSource, EntityManager } from 'typeorm';
import type { Agency, StaffRole } from '@mash/contracts';
import { PermanentMessageError, RetryableMessageError } from '@mash/messaging';
import { NotFoundError, ValidationFailedError } from '@mash/platform';
import { ConsentDecision } from '../consent/consent-decision.entity';
import { RagChange } from '../rag/rag-change.entity';
import { findPreviousContacts } from '../repeats/previous-contacts';
import { DeadlineChange } from '../timescales/deadline-change.entity';
import type { MashRecordResponse } from './dto/mash-record.response';
import { MashRecord } from './mash-record.entity';
import { RecordCheck } from './record-check.entity';
import { recordAsSeenBy, RecordHistory } from './record-view';

/**
 * Reads a record; with `lock`, holds it (SELECT ... FOR UPDATE) until the transaction ends, so two
 * agencies answering at once, or a decision racing a late response, see each other's writes.
 */
export function findRecord(
  manager: EntityManager,
  contactId: string,
  options: { lock?: boolean; skipLocked?: boolean } = {},
): Promise<MashRecord | null> {
  const query = manager
    .getRepository(MashRecord)
    .createQueryBuilder('record')
    .where('record.contact_id = :contactId', { contactId });
  if (options.lock) query.setLock('pessimistic_write');
  if (options.lock && options.skipLocked) query.setOnLocked('skip_locked');
  return query.getOne();
}

/**
 * A change to one record: in one transaction, with the record locked for it (so a late agency answer or
 * a second manager cannot interleave), 404 for an unknown or malformed id. Nothing is written when
 * `change` throws.
 */
export function changeRecord<T>(
  dataSource: DataSource,
  contactId: string,
  change: (manager: EntityManager, record: MashRecord) => Promise<T>,
): Promise<T> {
  assertContactId(contactId);
  return dataSource.transaction(async (manager) => {
    const record = await findRecord(manager, contactId, { lock: true });
    if (!record) throw new NotFoundError(`MASH record ${contactId}`);
    return change(manager, record);
  });
}

/**
 * What an agency's message (an answer, an escalation) is about: the record, locked, its checks, and the
 * check named, which must have been asked of that agency for that contact. A message that overtakes
 * triage's contact.screened is retried; one about a check never asked of that agency is dead-lettered.
 */
export async function findAgencyCheck(
  manager: EntityManager,
  message: { contactId: string; checkId: string; agency: Agency },
): Promise<{ record: MashRecord; checks: RecordCheck[]; check: RecordCheck }> {
  const record = await findRecord(manager, message.contactId, { lock: true });
  if (!record) throw new RetryableMessageError(`no MASH record yet for contact ${message.contactId}`);
  const checks = await findChecks(manager, message.contactId);
  const check = checks.find((candidate) => candidate.checkId === message.checkId);
  if (!check) {
    throw new PermanentMessageError(
      `check ${message.checkId} was not requested for contact ${message.contactId}`,
    );
  }
  if (check.agency !== message.agency) {
    throw new PermanentMessageError(
      `check ${message.checkId} was requested from ${check.agency}, not ${message.agency}`,
    );
  }
  return { record, checks, check };
}

export function findChecks(manager: EntityManager, contactId: string): Promise<RecordCheck[]> {
  return manager.find(RecordCheck, { where: { contactId }, order: { plannedAt: 'ASC', agency: 'ASC' } });
}

/** The record's histories (RAG, deadlines, consent decisions) and the earlier contacts it is linked to. */
export async function findHistory(manager: EntityManager, contactId: string): Promise<RecordHistory> {
  // One after another: inside a transaction they share one connection anyway.
  const order = { id: 'ASC' } as const;
  const ragChanges = await manager.find(RagChange, { where: { contactId }, order });
  const deadlineChanges = await manager.find(DeadlineChange, { where: { contactId }, order });
  const consentDecisions = await manager.find(ConsentDecision, { where: { contactId }, order });
  const previousContacts = await findPreviousContacts(manager, contactId);
  return { ragChanges, deadlineChanges, consentDecisions, previousContacts };
}

/** The whole record as these roles may see it, read in the caller's transaction (after its writes). */
export async function readRecordView(
  manager: EntityManager,
  contactId: string,
  roles: readonly StaffRole[],
  now: Date,
): Promise<MashRecordResponse> {
  const record = await findRecord(manager, contactId);
  if (!record) throw new NotFoundError(`MASH record ${contactId}`);
  const checks = await findChecks(manager, contactId);
  return recordAsSeenBy(record, checks, roles, now, await findHistory(manager, contactId));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A contact id in a path that is not a UUID is bad input (400 naming the field), not an unknown record. */
export function assertContactId(contactId: string): void {
  if (!UUID.test(contactId)) {
    throw new ValidationFailedError([
      { field: 'contactId', rule: 'isUuid', message: 'contactId must be a UUID' },
    ]);
  }
}
