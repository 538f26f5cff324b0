import type {
  Agency,
  AlertKind,
  ConcernCategory,
  ConsentException,
  Outcome,
  RagRating,
  UrgentIndicator,
} from '@mash/contracts';

/**
 * How a timescale counts:
 * - `hours`: elapsed time, day and night;
 * - `working-hours`: only time inside the profile's working windows on working days;
 * - `working-days`: the same time of day N working days on, starting from the next working moment;
 * - `days`, `weeks`, `months`: calendar time in Europe/London (the same local time, whatever the clocks did).
 */
export const TIMESCALE_UNITS = ['hours', 'working-hours', 'working-days', 'days', 'weeks', 'months'] as const;
export type TimescaleUnit = (typeof TIMESCALE_UNITS)[number];

export interface Timescale {
  amount: number;
  unit: TimescaleUnit;
}

/** 'HH:mm' to 'HH:mm', Europe/London local time. */
export interface WorkingWindow {
  start: string;
  end: string;
}

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Where the checks clock starts: when the RAG rating is set (most hubs) or when the contact was received (Warwickshire 7.6.1). */
export const CHECKS_CLOCK_STARTS = ['rated', 'received'] as const;
export type ChecksClockStart = (typeof CHECKS_CLOCK_STARTS)[number];

/** One hub's rules, read from `libs/policy/profiles/<id>.yaml` or a file of the hub's own. */
export interface PolicyProfile {
  /** The file name without `.yaml`: 'croydon'. */
  id: string;
  /** The hub's name as people say it: 'Croydon'. */
  hub: string;
  /** The document the numbers come from (title, version, date). Optional in code; every shipped profile has one. */
  protocol?: string;
  workingHours: Record<Weekday, WorkingWindow | null>;
  /** Red clocks count elapsed hours, day and night, when true; otherwise only working time. */
  redClockRunsOutsideWorkingHours: boolean;
  timescales: {
    /** Agency checks due, counted from when the RAG is set (or from receipt when `checksClockStarts` is 'received'). */
    checks: Record<RagRating, Timescale | null>;
    /** Decision due, counted from when the contact was received. */
    decision: Record<RagRating, Timescale>;
    /** e.g. Northamptonshire: no contact in the hub longer than 24 hours. */
    maximumInHub: Timescale | null;
    /** e.g. Warwickshire: lead agency decision within 1 hour for a child in immediate danger. */
    immediateDangerDecision: Timescale | null;
    /** Counted from the decision. */
    feedbackToReferrer: Timescale;
    /** Advice/information requests: a summary to the caller (Bexley 5 and 6: 48 hours). */
    adviceSummary: Timescale;
    /** The allocated worker / lead professional alerted within. */
    allocatedWorkerAlert: Timescale;
    /** Addition to the agreed API; absent means 'rated'. */
    checksClockStarts?: ChecksClockStart;
  };
  /** 12 weeks (Northamptonshire, Warwickshire), three months (Bexley), or null when the protocol has no such rule. */
  recentlyClosed: Timescale | null;
  agencies: {
    /** Always checked (Bexley 15: health, education and police). */
    always: Agency[];
    /** Added when the concern calls for them. */
    proportionate: Partial<Record<ConcernCategory, Agency[]>>;
  };
  redMayGoToStrategyDiscussionWithoutChecks: boolean;
  /** Northamptonshire Appendix E criteria that make a contact Red. */
  urgentIndicators: UrgentIndicator[];
  consent: { exceptions: ConsentException[]; earlyHelpRequiresConsent: boolean };
  /** 'YYYY-MM-DD': one-off closed days announced after the holiday library's release. */
  extraClosedDays: string[];
  /** Who is told what and by when (absent: `DEFAULT_NOTIFICATION_SETTINGS`). */
  notifications?: NotificationSettings;
}

/** A team or person alerts are emailed to; `alert` names the alert kind it receives when no team is named. */
export interface DirectoryEntry {
  name: string;
  alert?: AlertKind;
  email?: string;
  phone?: string;
}

export interface NotificationSettings {
  /** The referrer's acknowledgement, counted from receipt (Northamptonshire Appendix D 2.11: one working day). */
  acknowledgement: Timescale;
  /** The decision maker's calls about a strategy discussion, counted from the decision. */
  phoneCall: Timescale;
  /** The hub's own contact details, printed on every letter. */
  hubContact: { phone: string | null; outOfHoursPhone: string | null; email: string | null };
  /** Outcomes the family is told by letter. */
  familyLetterFor: Outcome[];
  /** Outcomes whose rationale goes to the referrer (Croydon 8: NFA). */
  rationaleToReferrerFor: Outcome[];
  /** Whether a young person of 16 or 17 is told as the parents are. */
  youngPeopleAged16And17Told: boolean;
  /** Where alerts are emailed; a team not listed (or listed without an email) is alerted by hand. */
  directory: DirectoryEntry[];
}

/**
 * For a profile without a notifications section: what Northamptonshire 9 and Appendix D 2.11 ask, the
 * strictest reading of the five protocols, with no directory (every alert is sent by hand).
 */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  acknowledgement: { amount: 1, unit: 'working-days' },
  phoneCall: { amount: 1, unit: 'working-days' },
  hubContact: { phone: null, outOfHoursPhone: null, email: null },
  familyLetterFor: ['no-further-action', 'early-help', 's17-assessment'],
  rationaleToReferrerFor: [],
  youngPeopleAged16And17Told: false,
  directory: [],
};

export function notificationSettings(profile: PolicyProfile): NotificationSettings {
  return profile.notifications ?? DEFAULT_NOTIFICATION_SETTINGS;
}
