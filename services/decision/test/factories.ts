import {
  aCheckItem,
  aCheckResponded,
  aContactScreened,
  EXAMPLE_CHECK_IDS,
  EXAMPLE_CONTACT_ID,
} from '@mash/contracts/testing';
import type { CheckItem } from '@mash/contracts';
import type { MashRecord } from '../src/records/mash-record.entity';
import { RecordCheck, UNTOUCHED_CHECK } from '../src/records/record-check.entity';

/** A MASH record as the database holds it after `aContactScreened()`, ready for decision unless overridden. */
export function aMashRecord(overrides: Partial<MashRecord> = {}): MashRecord {
  const screened = aContactScreened();
  return {
    contactId: screened.contactId,
    reference: screened.contact.reference,
    status: 'ready-for-decision',
    route: screened.route,
    receivedAt: new Date(screened.contact.receivedAt),
    screening: {
      route: screened.route,
      socialCareIndex: screened.socialCareIndex,
      rationale: screened.rationale,
      screenedAt: screened.screenedAt,
    },
    ragRating: screened.rag,
    ragSetAt: new Date(screened.screenedAt),
    ragSetBy: 'triage',
    ragReason: 'initial rating at screening',
    contact: screened.contact,
    checksDueAt: null,
    decisionDueAt: null,
    feedbackDueAt: null,
    leaveHubBy: null,
    profile: null,
    consent: null,
    alerts: [],
    childrenScreening: [],
    subjects: null,
    outcome: null,
    rationale: null,
    feedbackToReferrer: null,
    decidedBy: null,
    decidedAt: null,
    signedOffBy: null,
    feedbackSentAt: null,
    createdAt: new Date(screened.screenedAt),
    updatedAt: new Date(screened.screenedAt),
    ...overrides,
  };
}

export const MASH_ONLY_SUMMARY =
  'Intelligence links the mother’s partner to supplying drugs from the address.';

/** A check as stored when screening requested it from the agency (police unless overridden). */
export function aRecordCheck(overrides: Partial<RecordCheck> = {}): RecordCheck {
  const agency = overrides.agency ?? 'police';
  return {
    checkId: EXAMPLE_CHECK_IDS[agency],
    contactId: EXAMPLE_CONTACT_ID,
    agency,
    status: 'requested',
    plannedAt: new Date('2024-03-04T09:40:00.000Z'),
    requestedAt: new Date('2024-03-04T09:40:00.000Z'),
    dueAt: null,
    ...UNTOUCHED_CHECK,
    subjectIds: null,
    ...overrides,
  };
}

/** The police's answered check: one shareable and one mash-only item. */
export function anAnsweredCheck(overrides: Partial<RecordCheck> = {}, items?: CheckItem[]): RecordCheck {
  const responded = aCheckResponded();
  return {
    ...aRecordCheck({ agency: responded.agency }),
    checkId: responded.checkId,
    contactId: responded.contactId,
    agency: responded.agency,
    status: 'responded',
    respondedAt: new Date(responded.respondedAt),
    response: {
      rag: responded.rag,
      analysis: responded.analysis,
      noTrace: responded.noTrace,
      matches: responded.matches,
      items: items ?? [aCheckItem(), aCheckItem({ summary: MASH_ONLY_SUMMARY, classification: 'mash-only' })],
      respondedBy: responded.respondedBy,
    },
    ...overrides,
  };
}
