import { CreateMessagingTables1763800000000, MESSAGING_ENTITIES } from '@mash/messaging';
import { postgresOptions } from '@mash/platform';
import { AuditEntry } from '../audit/audit-entry.entity';
import { MashRecord } from '../records/mash-record.entity';
import { RecordCheck } from '../records/record-check.entity';
import { CreateMashRecords1763800000400 } from './migrations/1763800000400-create-mash-records';
import { CreateAuditLog1763800000401 } from './migrations/1763800000401-create-audit-log';

export function decisionDataSourceOptions(url: string) {
  return postgresOptions({
    url,
    applicationName: 'decision',
    entities: [MashRecord, RecordCheck, AuditEntry, ...MESSAGING_ENTITIES],
    migrations: [
      CreateMessagingTables1763800000000,
      CreateMashRecords1763800000400,
      CreateAuditLog1763800000401,
    ],
  });
}
