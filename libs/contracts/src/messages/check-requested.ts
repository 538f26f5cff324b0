import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
  IsNotEmpty,
} from 'class-validator';
import {
  AGENCIES,
  CONCERN_CATEGORIES,
  GENDERS,
  RAG_RATINGS,
  SUBJECT_ROLES,
  Agency,
  ConcernCategory,
  Gender,
  RagRating,
  SubjectRole,
} from '../vocabulary';
import { IsCalendarDate } from '../validators';
import { Address, NAME_MAX } from './people';
import { SUMMARY_MAX } from './contact-received';

/**
 * The dates of birth a subject may have, inclusive, when only an approximate age is known (a referral's
 * age in years or school year, ChildDetails.approximateAge, worked out by triage from when the contact
 * was received). Agencies weigh a record born inside it as support, outside as evidence against.
 */
export class DateOfBirthRange {
  @IsCalendarDate() earliest!: string;
  @IsCalendarDate() latest!: string;
}

/** A person an agency is asked to search for. Only what the agency needs to find them. */
export class CheckSubject {
  /** Stable within the contact: `child-0`, `adult-1`. */
  @IsString() @Matches(/^(child|adult)-\d+$/) subjectId!: string;
  @IsIn(SUBJECT_ROLES) role!: SubjectRole;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  otherNames?: string[];
  @IsOptional() @IsCalendarDate() dateOfBirth?: string | null;
  /** Only without a date of birth: the band an approximate age gives (DateOfBirthRange). */
  @IsOptional() @ValidateNested() @Type(() => DateOfBirthRange) bornBetween?: DateOfBirthRange | null;
  @IsOptional() @IsIn(GENDERS) gender?: Gender | null;
  @IsOptional() @ValidateNested() @Type(() => Address) address?: Address | null;
  @IsOptional() @IsString() @Matches(/^\d{10}$/) nhsNumber?: string | null;
  @IsOptional() @IsString() @MaxLength(13) upn?: string | null;
  @IsOptional() @IsString() @MaxLength(20) pncId?: string | null;
  @IsOptional() @IsString() @MaxLength(NAME_MAX) relationship?: string | null;
}

/** triage -> one agency's own queue: search your records about these people. */
export class CheckRequested {
  @IsUUID() checkId!: string;
  @IsUUID() contactId!: string;
  @IsString() @MaxLength(40) reference!: string;
  @IsIn(AGENCIES) agency!: Agency;
  @IsIn(RAG_RATINGS) rag!: RagRating;
  @IsISO8601({ strict: true }) requestedAt!: string;
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string | null;
  @IsArray() @IsIn(CONCERN_CATEGORIES, { each: true }) concernCategories!: ConcernCategory[];
  @IsString() @MaxLength(SUMMARY_MAX) concernSummary!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => CheckSubject)
  subjects!: CheckSubject[];
}
