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
  Min,
} from 'class-validator';
import {
  AGENCIES,
  RAG_RATINGS,
  SCREENING_ROUTES,
  SOCIAL_CARE_STATUSES,
  Agency,
  RagRating,
  ScreeningRoute,
  SocialCareStatus,
} from '../vocabulary';
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

export class RequestedCheck {
  @IsUUID() checkId!: string;
  @IsIn(AGENCIES) agency!: Agency;
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
}
