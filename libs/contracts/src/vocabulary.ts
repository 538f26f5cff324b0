/**
 * The domain's closed vocabularies, shared by the HTTP interface (API.md) and the wire contract.
 * Adding a value is a compatible change; removing or renaming one is not.
 */
export const CONTACT_SOURCES = [
  'police',
  'health',
  'school',
  'early-years',
  'social-care',
  'other-local-authority',
  'probation',
  'housing',
  'voluntary-sector',
  'family-member',
  'member-of-public',
  'anonymous',
  'self',
  'other',
] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export const CONTACT_CHANNELS = ['portal', 'phone', 'email', 'police-notification'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const REQUEST_TYPES = ['safeguarding', 'early-help', 'advice', 'information-request'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const CONSENT_STATUSES = ['given', 'refused', 'not-sought'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export const CONCERN_CATEGORIES = [
  'neglect',
  'physical-abuse',
  'sexual-abuse',
  'emotional-abuse',
  'domestic-abuse',
  'child-sexual-exploitation',
  'child-criminal-exploitation',
  'missing',
  'radicalisation',
  'female-genital-mutilation',
  'honour-based-abuse',
  'trafficking',
  'self-harm',
  'mental-health',
  'parental-mental-health',
  'parental-substance-misuse',
  'substance-misuse',
  'online-safety',
  'private-fostering',
  'other',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const RAG_RATINGS = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

/** Red is the most urgent; used to take the most serious of several ratings. */
export function mostUrgentRag(ratings: readonly RagRating[]): RagRating | undefined {
  for (const rating of RAG_RATINGS) if (ratings.includes(rating)) return rating;
  return undefined;
}

export const AGENCIES = ['police', 'health', 'education'] as const;
export type Agency = (typeof AGENCIES)[number];

/**
 * Where screening sends a contact. `lado` is kept for compatibility: an allegation against a professional
 * now goes to the LADO as an alert *as well as* through normal screening (Croydon 10).
 */
export const SCREENING_ROUTES = [
  'mash-checks',
  'lado',
  'transfer-to-allocated-worker',
  'transfer-to-previous-team',
  'strategy-discussion',
  'signpost',
  'no-further-action',
] as const;
export type ScreeningRoute = (typeof SCREENING_ROUTES)[number];

export const SOCIAL_CARE_STATUSES = ['open', 'closed', 'early-help-open'] as const;
export type SocialCareStatus = (typeof SOCIAL_CARE_STATUSES)[number];

/**
 * Northamptonshire Appendix E, criteria for urgent referrals: any one makes a contact Red and brings it
 * to a MASH manager the same day. A referrer (or contact officer) ticks the ones that apply.
 */
export const URGENT_INDICATORS = [
  'unsafe-home-immediate-removal',
  'child-found-alone',
  'non-accidental-injury',
  'injury-with-disclosure-against-family',
  'sexual-abuse-disclosure-by-household-member',
  'carer-detained-no-other-carer',
  'carer-died-or-hospitalised-no-other-carer',
  'court-remand-to-local-authority',
  'unaccompanied-asylum-seeking-child',
  'homeless-child-or-family',
  'police-request-strategy-discussion',
  'injury-to-non-mobile-baby',
  'suspicious-injury',
  'serious-risk-to-unborn-baby',
] as const;
export type UrgentIndicator = (typeof URGENT_INDICATORS)[number];

/**
 * Whether checks may go ahead without or before consent (Bexley 19, Croydon, Northamptonshire):
 * - `consent-given`: consent was given;
 * - `exception`: police notifications and immediate danger proceed without consent, and say so;
 * - `awaiting-decision`: refused or not sought; a manager must override or record consent obtained;
 * - `overridden`: a manager overrode the refusal, with a rationale;
 * - `obtained-later`: a manager recorded that consent was obtained after the contact;
 * - `not-needed`: no checks were planned.
 */
export const CONSENT_OUTCOMES = [
  'consent-given',
  'exception',
  'awaiting-decision',
  'overridden',
  'obtained-later',
  'not-needed',
] as const;
export type ConsentOutcome = (typeof CONSENT_OUTCOMES)[number];

export const CONSENT_EXCEPTIONS = ['police-notification', 'immediate-danger'] as const;
export type ConsentException = (typeof CONSENT_EXCEPTIONS)[number];

/** Someone the screening alerts, and by when (Northamptonshire 10; Croydon 10; Bexley 5 and 6). */
export const ALERT_KINDS = [
  'allocated-worker',
  'lead-professional',
  'previous-team',
  'lado',
  'advice-summary',
  'mash-manager',
  // A contact officer finds out what the referral did not know (a child's date of birth or age).
  'missing-details',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A check's life on the MASH record. */
export const CHECK_STATUSES = [
  'awaiting-consent',
  'requested',
  'responded',
  'overdue',
  'not-required',
  'cancelled',
] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const OUTCOMES = [
  'no-further-action',
  'signpost',
  'early-help',
  's17-assessment',
  's47-strategy-discussion',
  'transfer-to-allocated-worker',
  'transfer-to-previous-team',
  'lado',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** `mash-only`: sensitive or soft intelligence seen by MASH decision makers only; it never leaves the hub. */
export const ITEM_CLASSIFICATIONS = ['shareable', 'mash-only'] as const;
export type ItemClassification = (typeof ITEM_CLASSIFICATIONS)[number];

/**
 * A school year in England, for a child whose date of birth the referrer does not know: `nursery` (the
 * year before reception), `reception`, then `year-1` to `year-13`. Each is one academic year's births
 * (1 September to 31 August).
 */
export const SCHOOL_YEARS = [
  'nursery',
  'reception',
  ...(Array.from({ length: 13 }, (_, index) => `year-${index + 1}`) as Array<`year-${number}`>),
] as const;
export type SchoolYear = 'nursery' | 'reception' | `year-${number}`;

/** What a referral did not know about a child; a contact officer is asked to find it out. */
export const UNKNOWN_CHILD_DETAILS = ['date-of-birth', 'age'] as const;
export type UnknownChildDetail = (typeof UNKNOWN_CHILD_DETAILS)[number];

export const SUBJECT_ROLES = ['child', 'adult'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export const MATCH_CONFIDENCES = ['match', 'possible-match'] as const;
export type MatchConfidence = (typeof MATCH_CONFIDENCES)[number];

export const NOTIFICATION_KINDS = [
  'acknowledgement',
  'outcome-letter',
  'outcome-email',
  'phone-task',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'post', 'phone'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const STAFF_ROLES = [
  'contact-officer',
  'social-worker',
  'decision-maker',
  'team-manager',
  'agency-practitioner',
  'hub-operator',
  'auditor',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
