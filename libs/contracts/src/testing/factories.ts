/**
 * Valid example messages, for tests (and the examples in docs/asyncapi.yaml). Every factory returns a
 * fresh plain object, as it would arrive on the wire, with deterministic values; pass overrides to
 * change top-level fields. Nested parts have factories of their own (aChild, aReferrer, ...).
 */
import type { Agency } from '../vocabulary';
import type { MessageType } from '../message-types';
import type { Address, AdultDetails, ChildDetails, Referrer } from '../messages/people';
import type { Concern, Consent, ContactDetails, ContactReceived } from '../messages/contact-received';
import type { ContactScreened, RequestedCheck, SocialCareIndexResult } from '../messages/contact-screened';
import type { CheckRequested, CheckSubject } from '../messages/check-requested';
import type { CheckItem, CheckMatch, CheckResponded } from '../messages/check-responded';
import type { CheckCancelled, CheckChased, CheckEscalated, CheckRetimed } from '../messages/check-lifecycle';
import type { DecisionRecorded, LetterChild, LetterRecipient } from '../messages/decision-recorded';
import type { NotificationSent } from '../messages/notification-sent';

/** Fixed ids, so examples are reproducible and tests can refer to them. */
export const EXAMPLE_CONTACT_ID = '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c01';
export const EXAMPLE_REFERENCE = 'MASH-2024-000123';
export const EXAMPLE_CHECK_IDS: Record<Agency, string> = {
  police: '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c02',
  health: '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c03',
  education: '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c04',
};
export const EXAMPLE_NOTIFICATION_ID = '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c05';

export function anAddress(overrides: Partial<Address> = {}): Address {
  return { line1: '1 Example Street', line2: null, town: 'Exampletown', postcode: 'EX1 2AB', ...overrides };
}

export function aReferrer(overrides: Partial<Referrer> = {}): Referrer {
  return {
    name: 'Sam Teacher',
    role: 'Designated safeguarding lead',
    organisation: 'Example Primary School',
    email: 'dsl@school.example.org',
    phone: '01632 960000',
    relationshipToChild: 'Teacher',
    ...overrides,
  };
}

export function aChild(overrides: Partial<ChildDetails> = {}): ChildDetails {
  return {
    givenName: 'Amelia',
    familyName: 'Example',
    dateOfBirth: '2016-05-14',
    gender: 'female',
    address: anAddress(),
    nhsNumber: '9434765919',
    school: 'Example Primary School',
    ...overrides,
  };
}

export function anUnbornChild(overrides: Partial<ChildDetails> = {}): ChildDetails {
  return {
    givenName: 'Unborn',
    familyName: 'Example',
    unborn: true,
    expectedDueDate: '2024-09-01',
    address: anAddress(),
    ...overrides,
  };
}

export function anAdult(overrides: Partial<AdultDetails> = {}): AdultDetails {
  return {
    givenName: 'Jordan',
    familyName: 'Example',
    dateOfBirth: '1988-11-02',
    gender: 'female',
    relationship: 'Mother',
    parentalResponsibility: true,
    livesWithChild: true,
    allegedPerpetrator: false,
    address: anAddress(),
    ...overrides,
  };
}

export function aConcern(overrides: Partial<Concern> = {}): Concern {
  return {
    summary: 'Amelia arrived at school with bruising to her upper arm and said she did not want to go home.',
    categories: ['physical-abuse'],
    immediateDanger: false,
    allegationAgainstProfessional: false,
    childSaid: 'Mum gets cross when her friend comes round.',
    safetyScale: 4,
    ...overrides,
  };
}

export function aConsent(overrides: Partial<Consent> = {}): Consent {
  return { status: 'given', givenBy: 'Jordan Example', ...overrides };
}

/** The body of `POST /contacts`: what a referrer tells the hub. */
export function aContactDetails(overrides: Partial<ContactDetails> = {}): ContactDetails {
  return {
    source: 'school',
    channel: 'portal',
    requestType: 'safeguarding',
    referrer: aReferrer(),
    children: [aChild()],
    adults: [anAdult()],
    concern: aConcern(),
    consent: aConsent(),
    ...overrides,
  };
}

export function aContactReceived(overrides: Partial<ContactReceived> = {}): ContactReceived {
  return {
    contactId: EXAMPLE_CONTACT_ID,
    reference: EXAMPLE_REFERENCE,
    receivedAt: '2024-03-04T09:15:00.000Z',
    ...aContactDetails(),
    ...overrides,
  };
}

export function aSocialCareIndexResult(
  overrides: Partial<SocialCareIndexResult> = {},
): SocialCareIndexResult {
  return {
    childIndex: 0,
    known: true,
    recordId: 'SC-100234',
    status: 'closed',
    allocatedWorker: null,
    team: 'Children in Need Team 2',
    closedAt: '2023-01-10T16:00:00.000Z',
    ...overrides,
  };
}

export function aRequestedCheck(overrides: Partial<RequestedCheck> = {}): RequestedCheck {
  const agency = overrides.agency ?? 'police';
  return { checkId: EXAMPLE_CHECK_IDS[agency], agency, ...overrides };
}

export function aContactScreened(overrides: Partial<ContactScreened> = {}): ContactScreened {
  return {
    contactId: EXAMPLE_CONTACT_ID,
    screenedAt: '2024-03-04T09:40:00.000Z',
    route: 'mash-checks',
    rag: 'amber',
    rationale: 'Injury with a disclosure; known to social care before. MASH checks with all agencies.',
    socialCareIndex: [aSocialCareIndexResult()],
    checks: [
      aRequestedCheck({ agency: 'police' }),
      aRequestedCheck({ agency: 'health' }),
      aRequestedCheck({ agency: 'education' }),
    ],
    contact: aContactReceived(),
    ...overrides,
  };
}

export function aCheckSubject(overrides: Partial<CheckSubject> = {}): CheckSubject {
  return {
    subjectId: 'child-0',
    role: 'child',
    givenName: 'Amelia',
    familyName: 'Example',
    dateOfBirth: '2016-05-14',
    gender: 'female',
    address: anAddress(),
    nhsNumber: '9434765919',
    ...overrides,
  };
}

/** A check for the police unless overridden; the check id follows the agency. */
export function aCheckRequested(overrides: Partial<CheckRequested> = {}): CheckRequested {
  const agency = overrides.agency ?? 'police';
  return {
    checkId: EXAMPLE_CHECK_IDS[agency],
    contactId: EXAMPLE_CONTACT_ID,
    reference: EXAMPLE_REFERENCE,
    agency,
    rag: 'amber',
    requestedAt: '2024-03-04T09:40:00.000Z',
    dueAt: '2024-03-05T09:40:00.000Z',
    concernCategories: ['physical-abuse'],
    concernSummary: 'Bruising to the upper arm with a disclosure at school.',
    subjects: [
      aCheckSubject(),
      aCheckSubject({
        subjectId: 'adult-0',
        role: 'adult',
        givenName: 'Jordan',
        dateOfBirth: '1988-11-02',
        nhsNumber: null,
        relationship: 'Mother',
      }),
    ],
    ...overrides,
  };
}

export function aCheckMatch(overrides: Partial<CheckMatch> = {}): CheckMatch {
  return { subjectId: 'adult-0', recordId: 'REC-0001', confidence: 'match', ...overrides };
}

export function aCheckItem(overrides: Partial<CheckItem> = {}): CheckItem {
  return {
    summary: 'Domestic incident reported at the home address in 2023; words only, no further action.',
    classification: 'shareable',
    recordId: 'REC-0001',
    subjectId: 'adult-0',
    ...overrides,
  };
}

/** The police's answer unless overridden; the check id follows the agency. */
export function aCheckResponded(overrides: Partial<CheckResponded> = {}): CheckResponded {
  const agency = overrides.agency ?? 'police';
  return {
    checkId: EXAMPLE_CHECK_IDS[agency],
    contactId: EXAMPLE_CONTACT_ID,
    agency,
    respondedAt: '2024-03-04T12:05:00.000Z',
    rag: 'amber',
    analysis:
      'One previous domestic incident at the address; no offences recorded against household members.',
    noTrace: false,
    matches: [aCheckMatch()],
    items: [aCheckItem()],
    respondedBy: 'automatic',
    ...overrides,
  };
}

export function aLetterRecipient(overrides: Partial<LetterRecipient> = {}): LetterRecipient {
  return {
    name: 'Sam Teacher',
    organisation: 'Example Primary School',
    email: 'dsl@school.example.org',
    ...overrides,
  };
}

export function aLetterChild(overrides: Partial<LetterChild> = {}): LetterChild {
  return { givenName: 'Amelia', familyName: 'Example', ...overrides };
}

export function aDecisionRecorded(overrides: Partial<DecisionRecorded> = {}): DecisionRecorded {
  return {
    contactId: EXAMPLE_CONTACT_ID,
    reference: EXAMPLE_REFERENCE,
    outcome: 's17-assessment',
    decidedAt: '2024-03-04T15:30:00.000Z',
    decidedBy: 'decision-maker-7',
    contactReceivedAt: '2024-03-04T09:15:00.000Z',
    feedbackToReferrer: 'Thank you. A social worker will assess the family and contact the school this week.',
    referrer: aLetterRecipient(),
    children: [aLetterChild()],
    ...overrides,
  };
}

export function aNotificationSent(overrides: Partial<NotificationSent> = {}): NotificationSent {
  return {
    notificationId: EXAMPLE_NOTIFICATION_ID,
    contactId: EXAMPLE_CONTACT_ID,
    kind: 'outcome-email',
    channel: 'email',
    recipient: 'referrer',
    sentAt: '2024-03-04T15:31:00.000Z',
    ...overrides,
  };
}

export function aCheckChased(overrides: Partial<CheckChased> = {}): CheckChased {
  const agency = overrides.agency ?? 'police';
  return {
    checkId: EXAMPLE_CHECK_IDS[agency],
    contactId: EXAMPLE_CONTACT_ID,
    agency,
    dueAt: '2024-03-04T13:15:00.000Z',
    chasedAt: '2024-03-04T13:16:00.000Z',
    chaseNumber: 1,
    ...overrides,
  };
}

export function aCheckCancelled(overrides: Partial<CheckCancelled> = {}): CheckCancelled {
  const agency = overrides.agency ?? 'education';
  return {
    checkId: EXAMPLE_CHECK_IDS[agency],
    contactId: EXAMPLE_CONTACT_ID,
    agency,
    cancelledAt: '2024-03-04T10:00:00.000Z',
    cancelledBy: 'team-manager-2',
    reason: 'The child is under school age; no education check is proportionate.',
    ...overrides,
  };
}

export function aCheckRetimed(overrides: Partial<CheckRetimed> = {}): CheckRetimed {
  const agency = overrides.agency ?? 'health';
  return {
    checkId: EXAMPLE_CHECK_IDS[agency],
    contactId: EXAMPLE_CONTACT_ID,
    agency,
    rag: 'red',
    dueAt: '2024-03-04T14:00:00.000Z',
    retimedAt: '2024-03-04T10:00:00.000Z',
    ...overrides,
  };
}

export function aCheckEscalated(overrides: Partial<CheckEscalated> = {}): CheckEscalated {
  const agency = overrides.agency ?? 'police';
  return {
    checkId: EXAMPLE_CHECK_IDS[agency],
    contactId: EXAMPLE_CONTACT_ID,
    agency,
    rag: 'red',
    escalatedAt: '2024-03-04T10:30:00.000Z',
    escalatedBy: 'police-researcher-4',
    reason: 'A live investigation involves an adult in the household.',
    ...overrides,
  };
}

/** A valid example body of every message type. */
export const EXAMPLE_MESSAGES: Record<MessageType, () => object> = {
  'contact.received': () => aContactReceived(),
  'contact.screened': () => aContactScreened(),
  'check.requested': () => aCheckRequested(),
  'check.responded': () => aCheckResponded(),
  'check.chased': () => aCheckChased(),
  'check.cancelled': () => aCheckCancelled(),
  'check.retimed': () => aCheckRetimed(),
  'check.escalated': () => aCheckEscalated(),
  'decision.recorded': () => aDecisionRecorded(),
  'notification.sent': () => aNotificationSent(),
};

export function anExampleOf(type: MessageType): object {
  return EXAMPLE_MESSAGES[type]();
}
