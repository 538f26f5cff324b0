import type { EntityManager } from 'typeorm';
import { ValidationFailedError } from '@mash/platform';
import { MashRecord } from './mash-record.entity';
import { RecordCheck } from './record-check.entity';

/**
 * Reads a record; with `lock`, holds it (SELECT ... FOR UPDATE) until the transaction ends, so two
 * agencies answering at once, or a decision racing a late response, see each other's writes.
 */
export function findRecord(
  manager: EntityManager,
  contactId: string,
  options: { lock?: boolean } = {},
): Promise<MashRecord | null> {
  const query = manager
    .getRepository(MashRecord)
    .createQueryBuilder('record')
    .where('record.contact_id = :contactId', { contactId });
  if (options.lock) query.setLock('pessimistic_write');
  return query.getOne();
}

export function findChecks(manager: EntityManager, contactId: string): Promise<RecordCheck[]> {
  return manager.find(RecordCheck, { where: { contactId }, order: { requestedAt: 'ASC', agency: 'ASC' } });
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
