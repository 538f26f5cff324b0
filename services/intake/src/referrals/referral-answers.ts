import { randomUUID } from 'node:crypto';
import {
  CONCERN_CATEGORIES,
  CONTACT_SOURCES,
  ConcernCategory,
  ContactChannel,
  ContactSource,
  GENDERS,
  Gender,
  REQUEST_TYPES,
  RequestType,
  UrgentIndicator,
} from '@mash/contracts';
import type { FieldMessages } from '@mash/web';

/**
 * A referral being filled in, held in the session (`req.session.forms[<form>]`) until it is sent. The
 * answers are kept in the contract's own shape (ContactDetails of libs/contracts), so each page checks
 * its part with the same DTO that `POST /contacts` uses and "Send referral" checks the whole.
 */
export interface ReferralAnswers {
  source?: ContactSource;
  channel?: ContactChannel;
  requestType?: RequestType;
  referrer?: Record<string, unknown>;
  children: Record<string, unknown>[];
  adults: Record<string, unknown>[];
  concern?: Record<string, unknown>;
  consent?: Record<string, unknown>;
}

export interface ReferralForm {
  answers: ReferralAnswers;
  /** The Idempotency-Key of this referral: sending it twice records one contact. */
  idempotencyKey: string;
  /** Once the person has seen "Check your answers", a saved page goes back there. */
  checking?: boolean;
  /** The last referral sent from this session, for its confirmation page (and a repeated send). */
  sent?: { reference: string; idempotencyKey: string };
  /** A contact officer's note of when the contact was taken (shown on the check page). */
  takenAt?: string;
}

export function newReferralForm(sent?: ReferralForm['sent']): ReferralForm {
  return { answers: { children: [], adults: [] }, idempotencyKey: randomUUID(), sent };
}

/** The contract's shape of what has been answered so far (unanswered parts left out). */
export function contactDetailsOf(answers: ReferralAnswers): Record<string, unknown> {
  const details: Record<string, unknown> = {
    source: answers.source,
    channel: answers.channel,
    requestType: answers.requestType,
    referrer: answers.referrer,
    children: answers.children,
    adults: answers.adults,
    concern: answers.concern,
    consent: answers.consent,
  };
  for (const key of Object.keys(details)) if (details[key] === undefined) delete details[key];
  return details;
}

/** A form's text field: trimmed, and absent when left empty (the contract's optional fields). */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Yes / No / I do not know radios: true, false or not said. */
export function yesNo(value: unknown): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

export function yesNoValue(value: unknown): string | undefined {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return undefined;
}

/** A list a form gives as one value or several (checkboxes). */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/**
 * GOV.UK's date input (day, month, year) as the contract's YYYY-MM-DD. Left empty: absent. Anything
 * else is passed on as typed (`2016-13-4`), so the contract's real-date rule refuses it.
 */
export function isoDate(day: unknown, month: unknown, year: unknown): string | undefined {
  const [d, m, y] = [text(day), text(month), text(year)];
  if (!d && !m && !y) return undefined;
  const pad = (part: string | undefined, width: number) => (part ?? '').padStart(width, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function dateParts(iso: unknown): { day?: string; month?: string; year?: string } {
  if (typeof iso !== 'string') return {};
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return {};
  return { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) };
}

/** The safety scale as typed: a whole number when it is one, otherwise the text (refused by the contract). */
export function wholeNumber(value: unknown): number | string | undefined {
  const typed = text(value);
  if (typed === undefined) return undefined;
  return /^\d{1,2}$/.test(typed) ? Number(typed) : typed;
}

export const SOURCE_LABELS: Record<ContactSource, string> = {
  police: 'Police',
  health: 'Health (GP, hospital, health visitor, midwife)',
  school: 'School or college',
  'early-years': 'Nursery or early years',
  'social-care': 'Children’s social care',
  'other-local-authority': 'Another local authority',
  probation: 'Probation',
  housing: 'Housing',
  'voluntary-sector': 'Charity or voluntary group',
  'family-member': 'A member of the child’s family',
  'member-of-public': 'A member of the public',
  anonymous: 'I do not want to give my name',
  self: 'I am the child or young person',
  other: 'Someone else',
};

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  safeguarding: 'I am worried a child is being harmed or is at risk of harm',
  'early-help': 'The family needs early help or support',
  advice: 'I want advice about a child',
  'information-request': 'I am asking for information about a child',
};

export const CATEGORY_LABELS: Record<ConcernCategory, string> = {
  neglect: 'Neglect',
  'physical-abuse': 'Physical abuse',
  'sexual-abuse': 'Sexual abuse',
  'emotional-abuse': 'Emotional abuse',
  'domestic-abuse': 'Domestic abuse',
  'child-sexual-exploitation': 'Child sexual exploitation',
  'child-criminal-exploitation': 'Child criminal exploitation (including county lines)',
  missing: 'Missing from home, care or education',
  radicalisation: 'Radicalisation',
  'female-genital-mutilation': 'Female genital mutilation (FGM)',
  'honour-based-abuse': 'Honour-based abuse or forced marriage',
  trafficking: 'Trafficking or modern slavery',
  'self-harm': 'Self-harm',
  'mental-health': 'The child’s mental health',
  'parental-mental-health': 'A parent’s or carer’s mental health',
  'parental-substance-misuse': 'A parent’s or carer’s drug or alcohol use',
  'substance-misuse': 'The child’s drug or alcohol use',
  'online-safety': 'Online safety',
  'private-fostering': 'Private fostering',
  other: 'Something else',
};

export const URGENT_INDICATOR_LABELS: Record<UrgentIndicator, string> = {
  'unsafe-home-immediate-removal': 'The child’s home is unsafe and they may need to be removed today',
  'child-found-alone': 'A young child has been found alone or abandoned',
  'non-accidental-injury': 'The child has an injury that may not be accidental',
  'injury-with-disclosure-against-family': 'The child has an injury and says a family member caused it',
  'sexual-abuse-disclosure-by-household-member':
    'The child says someone in their household sexually abused them',
  'carer-detained-no-other-carer':
    'The child’s carer has been arrested or detained and no one else can care for them',
  'carer-died-or-hospitalised-no-other-carer':
    'The child’s carer has died or is in hospital and no one else can care for them',
  'court-remand-to-local-authority': 'A court has remanded the child to the local authority',
  'unaccompanied-asylum-seeking-child': 'The child is seeking asylum and is not with a parent or carer',
  'homeless-child-or-family': 'The child or their family has nowhere to stay tonight',
  'police-request-strategy-discussion': 'The police ask for a strategy discussion',
  'injury-to-non-mobile-baby': 'A baby who cannot yet crawl or walk has an injury',
  'suspicious-injury': 'The child has an injury with an explanation that does not fit',
  'serious-risk-to-unborn-baby': 'An unborn baby is at serious risk',
};

export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  other: 'They use another term',
  unknown: 'I do not know',
};

export const CONSENT_LABELS = {
  given: 'Yes, they agreed',
  refused: 'No, they refused',
  'not-sought': 'I did not ask them',
} as const;

export const CHANNEL_LABELS: Record<Exclude<ContactChannel, 'portal'>, string> = {
  phone: 'Phone call',
  email: 'Email',
  'police-notification': 'Police notification',
};

export const VOCABULARY = { CONTACT_SOURCES, REQUEST_TYPES, CONCERN_CATEGORIES, GENDERS };

/** What a person reads when a field is wrong, by the contract's field path (GOV.UK style). */
export const REFERRAL_MESSAGES: FieldMessages = {
  source: 'Select who you are',
  channel: 'Select how the contact was made',
  requestType: 'Select what you are asking the MASH for',
  'referrer.name': { default: 'Enter your name', maxLength: 'Your name must be 100 characters or fewer' },
  'referrer.role': 'Your role must be 100 characters or fewer',
  'referrer.organisation': 'Your organisation must be 200 characters or fewer',
  'referrer.email': 'Enter an email address in the correct format, like name@example.com',
  'referrer.phone': 'Enter a telephone number, like 01632 960 001 or 07700 900 982',
  'referrer.relationshipToChild': 'Your relationship to the child must be 100 characters or fewer',
  'children[].givenName': {
    default: 'Enter the child’s first name',
    maxLength: 'The child’s first name must be 100 characters or fewer',
  },
  'children[].familyName': {
    default: 'Enter the child’s last name',
    maxLength: 'The child’s last name must be 100 characters or fewer',
  },
  'children[].dateOfBirth': {
    isDefined: 'Enter the child’s date of birth, or say that the baby is not born yet',
    notInFuture: 'The child’s date of birth must be today or in the past',
    default: 'The child’s date of birth must be a real date, like 27 3 2016',
  },
  'children[].expectedDueDate': {
    isDefined: 'Enter the baby’s expected due date',
    plausibleDueDate: 'The expected due date must be within the next 10 months',
    default: 'The expected due date must be a real date, like 27 3 2027',
  },
  'children[].approximateAge.years': 'Enter the child’s age as a whole number of years, from 0 to 17',
  'children[].approximateAge': 'Give either the date of birth or an age, not both',
  'children[].gender': 'Select the child’s gender',
  'children[].address.postcode': 'Enter a real postcode, like CR0 1AA',
  'children[].address': 'Each line of the address must be 200 characters or fewer',
  'children[].school': 'The school’s name must be 200 characters or fewer',
  'adults[].givenName': {
    default: 'Enter the adult’s first name',
    maxLength: 'The adult’s first name must be 100 characters or fewer',
  },
  'adults[].familyName': {
    default: 'Enter the adult’s last name',
    maxLength: 'The adult’s last name must be 100 characters or fewer',
  },
  'adults[].dateOfBirth': {
    notInFuture: 'The adult’s date of birth must be in the past',
    default: 'The adult’s date of birth must be a real date, like 2 1 1990',
  },
  'adults[].relationship': 'The relationship must be 100 characters or fewer',
  children: 'Add at least one child',
  'concern.summary': {
    default: 'Enter what happened',
    maxLength: 'What happened must be 10,000 characters or fewer',
  },
  'concern.categories': 'Select what the concern is about',
  'concern.immediateDanger': 'Select whether a child is in danger right now',
  'concern.allegationAgainstProfessional': 'Select whether the concern is about a professional',
  'concern.childSaid': 'What the child said must be 10,000 characters or fewer',
  'concern.safetyScale': 'Enter a whole number from 0 to 10',
  'concern.urgentIndicators': 'Select the things that apply',
  'consent.status': 'Select whether the family agreed to this referral',
  'consent.givenBy': 'Who agreed must be 100 characters or fewer',
  'consent.reason': 'Enter why the family refused or why you did not ask them',
  referrer: 'Tell us about yourself',
  concern: 'Tell us about your concern',
  consent: 'Tell us whether the family agreed',
};
