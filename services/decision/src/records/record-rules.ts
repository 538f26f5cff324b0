import { ConflictError } from '@mash/platform';
import type { MashRecord } from './mash-record.entity';
import { isAwaitingDecision } from './record-status';

/** A decided or closed record has left the hub: its rating, checks and consent no longer change. */
export function assertOpenForChanges(record: Pick<MashRecord, 'status'>): void {
  if (!isAwaitingDecision(record.status)) {
    throw new ConflictError(
      'record-not-open',
      `the record is ${record.status}; its rating, checks and consent can no longer be changed`,
    );
  }
}
