import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
  IsDefined,
  IsInt,
  Matches,
  Min,
} from 'class-validator';
import {
  AGENCIES,
  ALERT_KINDS,
  CONSENT_EXCEPTIONS,
  CONSENT_OUTCOMES,
  CONSENT_STATUSES,
  RAG_RATINGS,
  SCREENING_ROUTES,
  SOCIAL_CARE_STATUSES,
  Agency,
  AlertKind,
  ConsentException,
  ConsentOutcome,
  ConsentStatus,
  RagRating,
  ScreeningRoute,
  SocialCareStatus,
  UNKNOWN_CHILD_DETAILS,
  UnknownChildDetail,
} from '../vocabulary';
import { CheckSubject } from './check-requested';
import { ContactReceived } from './contact-received';

/**
 * How a child was found in the social care index: `exact` (given name, family name and date of birth,
 * as before), `match` (the hub's matcher was confident: a misspelt or nicknamed name, a transposed
 * date), `confirmed` (a possible match that a contact officer confirmed), `mother-and-due-date` (an
 * unborn child, by the mother's record and the expected due date).
 */
export const INDEX_MATCHES = ['exact', 'match', 'confirmed', 'mother-and-due-date'] as const;
export type IndexMatch = (typeof INDEX_MATCHES)[number];

/** How another record of the index is linked to the child's. */
export const INDEX_LINKS = ['family', 'mother'] as const;
export type IndexLink = (typeof INDEX_LINKS)[number];

/** A family member already in the index: ids, status and worker only. */
export class LinkedIndexRecord {
  @IsString() @MaxLength(100) recordId!: string;
  @IsIn(SOCIAL_CARE_STATUSES) status!: SocialCareStatus;
  @IsOptional() @IsString() @MaxLength(100) allocatedWorker?: string | null;
  @IsOptional() @IsString() @MaxLength(100) team?: string | null;
  /** `family`: the index's own family group; `mother`: the same mother. */
  @IsIn(INDEX_LINKS) linkedBy!: IndexLink;
}

/** What the local authority's social care index knew about one child. */
export class SocialCareIndexResult {
  /** Position of the child in the contact's `children`. */
  @IsInt() @Min(0) childIndex!: number;
  @IsBoolean() known!: boolean;
  @IsOptional() @IsString() @MaxLength(100) recordId?: string | null;
  @IsOptional() @IsIn(SOCIAL_CARE_STATUSES) status?: SocialCareStatus | null;
  @IsOptional() @IsString() @MaxLength(100) allocatedWorker?: string | null;
  @IsOptional() @IsString() @MaxLength(100) team?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) closedAt?: string | null;
  /** How the record was found (INDEX_MATCHES), when known. */
  @IsOptional() @IsIn(INDEX_MATCHES) match?: IndexMatch | null;
  /** The matcher's reasons, in words, naming fields, never values ("family name sounds alike (0.93)"). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  reasons?: string[];
  /** How many possible matches a contact officer rejected before screening (none were this child). */
  @IsOptional() @IsInt() @Min(0) rejectedPossibleMatches?: number;
  /** Family members already in the index. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LinkedIndexRecord)
  linkedRecords?: LinkedIndexRecord[];
}

export const REQUESTED_CHECK_STATES = ['requested', 'awaiting-consent'] as const;
export type RequestedCheckState = (typeof REQUESTED_CHECK_STATES)[number];

export class RequestedCheck {
  @IsUUID() checkId!: string;
  @IsIn(AGENCIES) agency!: Agency;
  /** `awaiting-consent`: planned, but not sent to the agency until a manager decides on consent. */
  @IsOptional() @IsIn(REQUESTED_CHECK_STATES) state?: RequestedCheckState;
  /** When the agency's answer is due, from the profile's RAG timescales (null while awaiting consent). */
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string | null;
  /**
   * Whom this agency is asked about, by `subjects[].subjectId`: not every agency needs everyone (education
   * searches children only). A check sent later (after a consent decision) asks about the same people.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @Matches(/^(child|adult)-\d+$/, { each: true })
  subjectIds?: string[];
}

/** The deadlines set at screening, from the hub's policy profile and the injected clock. */
export class ScreeningDeadlines {
  @IsOptional() @IsISO8601({ strict: true }) checksDueAt?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) decisionDueAt?: string | null;
  /** No contact stays in the hub longer than this (Northamptonshire: 24 hours). */
  @IsOptional() @IsISO8601({ strict: true }) leaveHubBy?: string | null;
}

/** Whether the checks may go ahead without (or before) consent, and why. */
export class ConsentAssessment {
  /** What the referrer said. */
  @IsIn(CONSENT_STATUSES) status!: ConsentStatus;
  @IsIn(CONSENT_OUTCOMES) outcome!: ConsentOutcome;
  @IsOptional() @IsIn(CONSENT_EXCEPTIONS) exception?: ConsentException | null;
}

/** Someone screening says must be told, and by when. Names a worker or team, never a child. */
export class ScreeningAlert {
  @IsIn(ALERT_KINDS) kind!: AlertKind;
  @IsOptional() @IsInt() @Min(0) childIndex?: number | null;
  @IsOptional() @IsString() @MaxLength(100) to?: string | null;
  @IsISO8601({ strict: true }) dueAt!: string;
}

/** One child's own screening ("think family": every child is screened). */
export class ChildScreening {
  @IsInt() @Min(0) childIndex!: number;
  @IsIn(SCREENING_ROUTES) route!: ScreeningRoute;
  @IsIn(RAG_RATINGS) rag!: RagRating;
  @IsString() @MaxLength(2_000) rationale!: string;
  /** What the referral did not know about the child (a `missing-details` alert asks a contact officer). */
  @IsOptional() @IsArray() @IsIn(UNKNOWN_CHILD_DETAILS, { each: true }) unknown?: UnknownChildDetail[];
}

/** triage -> decision: the screening outcome, carrying the contact so the MASH record is complete. */
export class ContactScreened {
  @IsUUID() contactId!: string;
  @IsISO8601({ strict: true }) screenedAt!: string;
  @IsIn(SCREENING_ROUTES) route!: ScreeningRoute;
  @IsIn(RAG_RATINGS) rag!: RagRating;
  @IsString() @MaxLength(2_000) rationale!: string;
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SocialCareIndexResult)
  socialCareIndex!: SocialCareIndexResult[];
  @IsArray()
  @ArrayMaxSize(AGENCIES.length)
  @ValidateNested({ each: true })
  @Type(() => RequestedCheck)
  checks!: RequestedCheck[];
  @ValidateNested() @Type(() => ContactReceived) @IsDefined() contact!: ContactReceived;
  /** The policy profile the screening applied (`croydon`, `bexley`, ...). */
  @IsOptional() @IsString() @MaxLength(100) profile?: string;
  @IsOptional() @ValidateNested() @Type(() => ScreeningDeadlines) deadlines?: ScreeningDeadlines;
  @IsOptional() @ValidateNested() @Type(() => ConsentAssessment) consent?: ConsentAssessment;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScreeningAlert)
  alerts?: ScreeningAlert[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChildScreening)
  children?: ChildScreening[];
  /** Who the agencies are asked about, so checks requested later (consent, a manager) ask the same. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => CheckSubject)
  subjects?: CheckSubject[];
}
