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
} from '../vocabulary';
import { CheckSubject } from './check-requested';
import { ContactReceived } from './contact-received';

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
