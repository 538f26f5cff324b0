import type {
  AdultDetails,
  ChildDetails,
  Concern,
  Consent,
  ContactReceived,
  SocialCareIndexResult,
} from '@mash/contracts';

/**
 * The same contacts, screened under each hub's profile for docs/profile-comparison.md. Fixed times,
 * fictional people (their names never reach the document: only outcomes and deadlines do).
 */
export interface ComparisonScenario {
  id: string;
  title: string;
  /** What the scenario shows, and the protocol paragraphs at stake. */
  about: string;
  contact: ContactReceived;
  socialCareIndex: SocialCareIndexResult[];
  /** When triage screened it: a few minutes after receipt, as in a working hub. */
  screenedAt: string;
}

/** Monday 23 November 2026, 10:00 in London: an ordinary working morning. */
const MONDAY_10AM = '2026-11-23T10:00:00.000Z';
const FIVE_MINUTES = 5 * 60_000;
const WEEK = 7 * 24 * 3_600_000;

const child = (overrides: Partial<ChildDetails> = {}): ChildDetails => ({
  givenName: 'Casey',
  familyName: 'Scenario',
  dateOfBirth: '2017-04-12',
  gender: 'unknown',
  ...overrides,
});
const parent = (overrides: Partial<AdultDetails> = {}): AdultDetails => ({
  givenName: 'Alex',
  familyName: 'Scenario',
  dateOfBirth: '1989-02-20',
  relationship: 'Parent',
  parentalResponsibility: true,
  livesWithChild: true,
  ...overrides,
});
const given: Consent = { status: 'given', givenBy: 'Parent' };
const refused: Consent = { status: 'refused', givenBy: null, reason: 'The parent does not agree' };
const notSought: Consent = { status: 'not-sought', givenBy: null, reason: 'Not asked' };

function contact(
  id: number,
  receivedAt: string,
  overrides: Partial<ContactReceived> = {},
  concern: Partial<Concern> = {},
): ContactReceived {
  return {
    contactId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    reference: `COMPARE-${id}`,
    receivedAt,
    source: 'school',
    channel: 'portal',
    requestType: 'safeguarding',
    referrer: { name: 'A Referrer', organisation: 'A School' },
    children: [child()],
    adults: [parent()],
    consent: given,
    ...overrides,
    concern: {
      summary: 'A fictional concern for comparing profiles.',
      categories: ['physical-abuse'],
      immediateDanger: false,
      allegationAgainstProfessional: false,
      ...concern,
    },
  };
}

const unknown = (childIndex = 0): SocialCareIndexResult => ({ childIndex, known: false });
const closedWeeksAgo = (weeks: number, childIndex = 0): SocialCareIndexResult => ({
  childIndex,
  known: true,
  recordId: `SC-CLOSED-${weeks}`,
  status: 'closed',
  allocatedWorker: null,
  team: 'Previous Team',
  closedAt: new Date(new Date(MONDAY_10AM).getTime() - weeks * WEEK).toISOString(),
});
const withWorker = (childIndex = 0): SocialCareIndexResult => ({
  childIndex,
  known: true,
  recordId: 'SC-OPEN',
  status: 'open',
  allocatedWorker: 'Allocated Worker',
  team: 'Assessment Team',
  closedAt: null,
});
const earlyHelp = (childIndex = 0): SocialCareIndexResult => ({
  childIndex,
  known: true,
  recordId: 'SC-EH',
  status: 'early-help-open',
  allocatedWorker: 'Lead Professional',
  team: 'Early Help Team',
  closedAt: null,
});
const afterFiveMinutes = (at: string) => new Date(new Date(at).getTime() + FIVE_MINUTES).toISOString();

function scenario(
  id: number,
  key: string,
  title: string,
  about: string,
  built: ContactReceived,
  socialCareIndex: SocialCareIndexResult[] = built.children.map((_, index) => unknown(index)),
): ComparisonScenario {
  return {
    id: key,
    title,
    about,
    contact: built,
    socialCareIndex,
    screenedAt: afterFiveMinutes(built.receivedAt),
  };
}

export const COMPARISON_SCENARIOS: readonly ComparisonScenario[] = [
  scenario(
    1,
    'advice-call',
    'Advice call',
    'A professional phones for a consultation (Bexley 5 and 6: a summary within 48 hours).',
    contact(1, MONDAY_10AM, { channel: 'phone', requestType: 'advice' }, { categories: ['neglect'] }),
  ),
  scenario(
    2,
    'allocated-worker',
    'Child open with an allocated worker',
    'Croydon 8: the worker is alerted within 24 hours; Northamptonshire 4b: transferred immediately.',
    contact(2, MONDAY_10AM),
    [withWorker()],
  ),
  scenario(
    3,
    'closed-10-weeks',
    'Case closed 10 weeks ago',
    'Northamptonshire 10: closed within 12 weeks goes back to the previous team, green; Bexley 11: three months.',
    contact(3, MONDAY_10AM),
    [closedWeeksAgo(10)],
  ),
  scenario(
    4,
    'closed-13-weeks',
    'Case closed 13 weeks ago',
    'Past 12 weeks; three months before 23 November is 23 August, 13 weeks before is 24 August.',
    contact(4, MONDAY_10AM),
    [closedWeeksAgo(13)],
  ),
  scenario(
    5,
    'lado-allegation',
    'Allegation against a professional',
    'Croydon 10: the LADO is told, and the contact is screened as usual.',
    contact(5, MONDAY_10AM, {}, { allegationAgainstProfessional: true }),
  ),
  scenario(
    6,
    'baby-injury',
    'Physical abuse concern about a 10-week-old baby',
    'Northamptonshire Appendix E: non-mobile babies with any form of injury (derived: under six months).',
    contact(6, MONDAY_10AM, { children: [child({ dateOfBirth: '2026-09-14' })] }),
  ),
  scenario(
    7,
    'immediate-danger-friday',
    'Immediate danger, Friday 16:30',
    'Red clocks day and night, or only in MASH hours (Northamptonshire 8: no MASH out of hours); Warwickshire 6.1.2: 1 hour.',
    contact(7, '2026-11-27T16:30:00.000Z', { consent: notSought }, { immediateDanger: true }),
  ),
  scenario(
    8,
    'amber-christmas-eve',
    'Amber on Christmas Eve, 16:00',
    'Christmas Day (Friday) and the Boxing Day substitute (Monday 28 December) are not working days.',
    contact(8, '2026-12-24T16:00:00.000Z'),
  ),
  scenario(
    9,
    'consent-refused',
    'Consent refused',
    'Checks wait for a manager’s consent decision (Bexley 19 and 27; Northamptonshire 6).',
    contact(9, MONDAY_10AM, { consent: refused }, { categories: ['neglect'] }),
  ),
  scenario(
    10,
    'early-help-no-consent',
    'Early help request without consent, from the police',
    'Bexley 19: early help always needs consent, so no police exception.',
    contact(
      10,
      MONDAY_10AM,
      { source: 'police', channel: 'police-notification', requestType: 'early-help', consent: notSought },
      { categories: ['parental-mental-health'] },
    ),
  ),
  scenario(
    11,
    'police-notification',
    'Police notification of domestic abuse, consent not sought',
    'Croydon 5: police referrals and notifications are an exception to consent.',
    contact(
      11,
      MONDAY_10AM,
      { source: 'police', channel: 'police-notification', consent: notSought },
      { categories: ['domestic-abuse'] },
    ),
  ),
  scenario(
    12,
    'think-family',
    'Family: three children (one open to early help, one unborn) and two adults, parental substance misuse',
    'Warwickshire 5: each child screened; each agency asked about whom it needs.',
    contact(
      12,
      MONDAY_10AM,
      {
        children: [
          child({ givenName: 'Avery' }),
          child({ givenName: 'Blake', dateOfBirth: '2021-06-30' }),
          { givenName: 'Unborn', familyName: 'Scenario', unborn: true, expectedDueDate: '2027-03-01' },
        ],
        adults: [
          parent(),
          parent({ givenName: 'Sam', relationship: 'Partner', parentalResponsibility: false }),
        ],
      },
      { categories: ['parental-substance-misuse'] },
    ),
    [unknown(0), earlyHelp(1), unknown(2)],
  ),
  scenario(
    13,
    'police-strategy-request',
    'Police ask for a strategy discussion',
    'Northamptonshire Appendix E and C; Croydon 8: red may go to a strategy discussion without waiting for checks.',
    contact(
      13,
      MONDAY_10AM,
      { source: 'police', channel: 'police-notification' },
      { categories: ['sexual-abuse'], urgentIndicators: ['police-request-strategy-discussion'] },
    ),
  ),
];
