import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  IsNotEmpty,
  IsDefined,
} from 'class-validator';
import {
  CONCERN_CATEGORIES,
  CONSENT_STATUSES,
  CONTACT_CHANNELS,
  CONTACT_SOURCES,
  REQUEST_TYPES,
  URGENT_INDICATORS,
  ConcernCategory,
  UrgentIndicator,
  ConsentStatus,
  ContactChannel,
  ContactSource,
  RequestType,
} from '../vocabulary';
import { AdultDetails, ChildDetails, NAME_MAX, Referrer } from './people';

export const SUMMARY_MAX = 10_000;
export const MAX_CHILDREN = 20;
export const MAX_ADULTS = 20;

export class Concern {
  @IsString() @IsNotEmpty() @MaxLength(SUMMARY_MAX) summary!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONCERN_CATEGORIES.length)
  @IsIn(CONCERN_CATEGORIES, { each: true })
  categories!: ConcernCategory[];
  @IsBoolean() immediateDanger!: boolean;
  @IsOptional() @IsBoolean() allegationAgainstProfessional?: boolean;
  @IsOptional() @IsString() @MaxLength(SUMMARY_MAX) childSaid?: string | null;
  /** The referrer's own 0 (unsafe) to 10 (safe) judgement. */
  @IsOptional() @IsInt() @Min(0) @Max(10) safetyScale?: number | null;
  /** Northamptonshire Appendix E criteria that apply; any one makes the contact Red. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(URGENT_INDICATORS.length)
  @IsIn(URGENT_INDICATORS, { each: true })
  urgentIndicators?: UrgentIndicator[];
}

export class Consent {
  @IsIn(CONSENT_STATUSES) status!: ConsentStatus;
  @IsOptional() @IsString() @MaxLength(NAME_MAX) givenBy?: string | null;
  @ValidateIf((consent: Consent) => consent.status !== 'given')
  @IsDefined({ message: 'reason is required when consent was refused or not sought' })
  @IsString()
  @MaxLength(2_000)
  reason?: string | null;
}

/** What a referrer tells the hub: the body of `POST /contacts` (API.md). */
export class ContactDetails {
  @IsIn(CONTACT_SOURCES) source!: ContactSource;
  @IsIn(CONTACT_CHANNELS) channel!: ContactChannel;
  @IsIn(REQUEST_TYPES) requestType!: RequestType;
  @ValidateNested() @Type(() => Referrer) @IsDefined() referrer!: Referrer;
  @IsArray()
  @ArrayMinSize(1, { message: 'a contact is about at least one child' })
  @ArrayMaxSize(MAX_CHILDREN)
  @ValidateNested({ each: true })
  @Type(() => ChildDetails)
  children!: ChildDetails[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ADULTS)
  @ValidateNested({ each: true })
  @Type(() => AdultDetails)
  adults?: AdultDetails[];
  @ValidateNested() @Type(() => Concern) @IsDefined() concern!: Concern;
  @ValidateNested() @Type(() => Consent) @IsDefined() consent!: Consent;
}

/** intake -> triage: a contact has been recorded at the front door (decision receives it inside contact.screened). */
export class ContactReceived extends ContactDetails {
  @IsUUID() contactId!: string;
  @IsString() @IsNotEmpty() @MaxLength(40) reference!: string;
  @IsISO8601({ strict: true }) receivedAt!: string;
}
