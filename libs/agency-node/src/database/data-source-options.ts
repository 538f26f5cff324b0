import type { ServiceName } from '@mash/contracts';
import { CreateMessagingTables1763800000000, MESSAGING_ENTITIES } from '@mash/messaging';
import { postgresOptions } from '@mash/platform';
import { CreateWebSessions1764800000000 } from '@mash/web';
import { CheckCandidate } from '../checks/check-candidate.entity';
import { CheckResponseRecord } from '../checks/check-response.entity';
import { Check } from '../checks/check.entity';
import { CheckSubjectKey } from '../checks/check-subject-key.entity';
import { Disclosure } from '../disclosures/disclosure.entity';
import { AgencyFact } from '../records/agency-fact.entity';
import { AgencyPerson } from '../records/agency-person.entity';
import { CreateAgencyRecords1763800000300 } from './migrations/1763800000300-create-agency-records';
import { CreateChecks1763800000310 } from './migrations/1763800000310-create-checks';
import { CreateDisclosures1763800000320 } from './migrations/1763800000320-create-disclosures';
import { CandidateScoresAndReview1763800000330 } from './migrations/1763800000330-candidate-scores-and-review';
import { MatchingSearchKeys1763800000340 } from './migrations/1763800000340-matching-search-keys';
import { PractitionerResponses1763800000350 } from './migrations/1763800000350-practitioner-responses';
import { CheckLifecycle1763800000360 } from './migrations/1763800000360-check-lifecycle';
import { IdempotentAnswers1763800000370 } from './migrations/1763800000370-idempotent-answers';
import { PractitionerAddedCandidates1763800000380 } from './migrations/1763800000380-practitioner-added-candidates';
import { GivenNameSearchKeysWithDatePairs1763800000400 } from './migrations/1763800000400-given-name-search-keys-with-date-pairs';
import { CheckSearchNotes1763800000410 } from './migrations/1763800000410-check-search-notes';
import { CheckEscalation } from '../checks/check-escalation.entity';
import { ViewAuditEntry } from '../audit/view-audit-entry.entity';
import { ViewAuditLog1763800000420 } from './migrations/1763800000420-view-audit-log';

export const AGENCY_NODE_ENTITIES = [
  AgencyPerson,
  AgencyFact,
  Check,
  CheckCandidate,
  CheckResponseRecord,
  CheckSubjectKey,
  CheckEscalation,
  Disclosure,
  ViewAuditEntry,
];
export const AGENCY_NODE_MIGRATIONS = [
  CreateAgencyRecords1763800000300,
  CreateChecks1763800000310,
  CreateDisclosures1763800000320,
  CandidateScoresAndReview1763800000330,
  MatchingSearchKeys1763800000340,
  PractitionerResponses1763800000350,
  CheckLifecycle1763800000360,
  IdempotentAnswers1763800000370,
  PractitionerAddedCandidates1763800000380,
  GivenNameSearchKeysWithDatePairs1763800000400,
  CheckSearchNotes1763800000410,
  ViewAuditLog1763800000420,
  CreateWebSessions1764800000000,
];

/** Every agency node's database has the same schema; each agency's lives in its own database. */
export function agencyNodeDataSourceOptions(service: ServiceName, url: string) {
  return postgresOptions({
    url,
    applicationName: service,
    entities: [...AGENCY_NODE_ENTITIES, ...MESSAGING_ENTITIES],
    migrations: [CreateMessagingTables1763800000000, ...AGENCY_NODE_MIGRATIONS],
  });
}
