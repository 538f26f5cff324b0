import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
  IsDefined,
  IsInt,
  IsNotEmpty,
  Max,
  Min,
} from 'class-validator';
import { GENDERS, Gender, SCHOOL_YEARS, SchoolYear } from '../vocabulary';
import { IsAbsentWhen, IsCalendarDate } from '../validators';

export const NAME_MAX = 100;
export const LINE_MAX = 200;

export class Address {
  @IsOptional() @IsString() @MaxLength(LINE_MAX) line1?: string | null;
  @IsOptional() @IsString() @MaxLength(LINE_MAX) line2?: string | null;
  @IsOptional() @IsString() @MaxLength(NAME_MAX) town?: string | null;
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$/, {
    message: '$property must be a UK postcode',
  })
  postcode?: string | null;
}

export class Referrer {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) name!: string;
  @IsOptional() @IsString() @MaxLength(NAME_MAX) role?: string | null;
  @IsOptional() @IsString() @MaxLength(LINE_MAX) organisation?: string | null;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @IsOptional()
  @IsString()
  @Matches(/^[0-9 +()-]{6,20}$/, { message: '$property must be a phone number' })
  phone?: string | null;
  @IsOptional() @IsString() @MaxLength(NAME_MAX) relationshipToChild?: string | null;
}

/** The oldest age a referral may give for a child (a child is under 18). */
export const CHILD_AGE_MAX = 17;

/**
 * How old a child is thought to be, when the referrer does not know the date of birth: an age in whole
 * years as the referrer gives it ("about 7"), or the child's school year. Exactly one of the two.
 * Screening and the agencies use it as a band of possible dates of birth (CheckSubject.bornBetween).
 */
export class ApproximateAge {
  @ValidateIf((age: ApproximateAge) => age.schoolYear == null)
  @IsDefined({ message: 'approximateAge needs years or schoolYear' })
  @IsInt()
  @Min(0)
  @Max(CHILD_AGE_MAX)
  years?: number | null;

  @IsOptional()
  @IsIn(SCHOOL_YEARS)
  @IsAbsentWhen((age) => age.years != null, { message: 'give years or schoolYear, not both' })
  schoolYear?: SchoolYear | null;
}

/**
 * A child the contact is about. A child has a date of birth; or is unborn with an expected due date; or,
 * when the referrer knows neither, an approximate age (years or school year); a child with none of these
 * is accepted too (screening records what is unknown and asks a contact officer to find out).
 */
export class ChildDetails {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  otherNames?: string[];

  @IsOptional() @IsCalendarDate() dateOfBirth?: string | null;

  @IsOptional() @IsBoolean() unborn?: boolean;

  @ValidateIf((child: ChildDetails) => child.unborn === true || child.expectedDueDate != null)
  @IsDefined({ message: 'expectedDueDate is required for an unborn child' })
  @IsCalendarDate()
  expectedDueDate?: string | null;

  /** Only without a date of birth, for a child born. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ApproximateAge)
  @IsAbsentWhen((child) => child.dateOfBirth != null || child.unborn === true, {
    message: 'approximateAge is only for a child born whose date of birth is not known',
  })
  approximateAge?: ApproximateAge | null;

  @IsOptional() @IsIn(GENDERS) gender?: Gender | null;
  @IsOptional() @ValidateNested() @Type(() => Address) address?: Address | null;
  @IsOptional() @IsString() @Matches(/^\d{10}$/, { message: '$property must be 10 digits' }) nhsNumber?:
    string | null;
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]\d{11}[A-Z0-9]$/, { message: '$property must be a 13-character UPN' })
  upn?: string | null;
  @IsOptional() @IsString() @MaxLength(LINE_MAX) school?: string | null;
}

export class AdultDetails {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  otherNames?: string[];
  @IsOptional() @IsCalendarDate() dateOfBirth?: string | null;
  @IsOptional() @IsIn(GENDERS) gender?: Gender | null;
  @IsOptional() @IsString() @MaxLength(NAME_MAX) relationship?: string | null;
  @IsOptional() @IsBoolean() parentalResponsibility?: boolean;
  @IsOptional() @IsBoolean() livesWithChild?: boolean;
  @IsOptional() @IsBoolean() allegedPerpetrator?: boolean;
  @IsOptional() @ValidateNested() @Type(() => Address) address?: Address | null;
  @IsOptional() @IsString() @Matches(/^\d{10}$/, { message: '$property must be 10 digits' }) nhsNumber?:
    string | null;
  @IsOptional() @IsString() @MaxLength(20) pncId?: string | null;
}
