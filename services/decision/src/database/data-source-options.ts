import { CreateMessagingTables1763800000000, MESSAGING_ENTITIES } from '@mash/messaging';
import { postgresOptions } from '@mash/platform';
import { CreateWebSessions1764800000000 } from '@mash/web';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ConsentDecision } from '../consent/consent-decision.entity';
import { RagChange } from '../rag/rag-change.entity';
import { MashRecord } from '../records/mash-record.entity';
import { RecordCheck } from '../records/record-check.entity';
import { RecordChildKey } from '../repeats/record-child-key.entity';
import { RecordLink } from '../repeats/record-link.entity';
import { DeadlineChange } from '../timescales/deadline-change.entity';
import { CreateMashRecords1763800000400 } from './migrations/1763800000400-create-mash-records';
import { CreateAuditLog1763800000401 } from './migrations/1763800000401-create-audit-log';
import { TimescalesConsentRepeats1763800000402 } from './migrations/1763800000402-timescales-consent-repeats';

export function decisionDataSourceOptions(url: string) {
  return postgresOptions({
    url,
    applicationName: 'decision',
    entities: [
      MashRecord,
      RecordCheck,
      AuditEntry,
      DeadlineChange,
      RagChange,
      ConsentDecision,
      RecordChildKey,
      RecordLink,
      ...MESSAGING_ENTITIES,
    ],
    migrations: [
      CreateMessagingTables1763800000000,
      CreateMashRecords1763800000400,
      CreateAuditLog1763800000401,
      TimescalesConsentRepeats1763800000402,
      CreateWebSessions1764800000000,
    ],
  });
}
