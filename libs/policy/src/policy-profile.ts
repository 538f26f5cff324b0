import type { Agency, ConcernCategory, ConsentException, RagRating, UrgentIndicator } from '@mash/contracts';

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
}
