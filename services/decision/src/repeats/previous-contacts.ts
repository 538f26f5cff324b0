import type { EntityManager } from 'typeorm';
import type { Outcome } from '@mash/contracts';
import type { PreviousContact } from '../records/record-view';
import type { RecordStatus } from '../records/record-status';
import type { ChildKeyKind } from './record-child-key.entity';

interface PreviousContactRow {
  contact_id: string;
  reference: string;
  received_at: Date;
  status: RecordStatus;
  outcome: Outcome | null;
  decided_at: Date | null;
  child_indexes: number[];
  matched_by: ChildKeyKind[];
}

/** The earlier contacts linked to this one, newest first, with their outcomes as they stand now. */
export async function findPreviousContacts(
  manager: EntityManager,
  contactId: string,
): Promise<PreviousContact[]> {
  const rows: PreviousContactRow[] = await manager.query(
    `SELECT r.contact_id, r.reference, r.received_at, r.status, r.outcome, r.decided_at,
            l.child_indexes, l.matched_by
       FROM record_links l JOIN mash_records r ON r.contact_id = l.earlier_contact_id
      WHERE l.contact_id = $1
      ORDER BY r.received_at DESC, r.contact_id`,
    [contactId],
  );
  return rows.map((row) => ({
    contactId: row.contact_id,
    reference: row.reference,
    receivedAt: row.received_at,
    status: row.status,
    outcome: row.outcome,
    decidedAt: row.decided_at,
    childIndexes: row.child_indexes,
    matchedBy: row.matched_by,
  }));
}
