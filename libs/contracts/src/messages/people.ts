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
  IsNotEmpty,
} from 'class-validator';
import { GENDERS, Gender } from '../vocabulary';
import { IsCalendarDate } from '../validators';

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

/** A child the contact is about. A child has a date of birth, or is unborn with an expected due date. */
export class ChildDetails {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  otherNames?: string[];

  @ValidateIf((child: ChildDetails) => child.unborn !== true || child.dateOfBirth != null)
  @IsDefined({ message: 'dateOfBirth is required unless the child is unborn' })
  @IsCalendarDate()
  dateOfBirth?: string | null;

  @IsOptional() @IsBoolean() unborn?: boolean;

  @ValidateIf((child: ChildDetails) => child.unborn === true || child.expectedDueDate != null)
  @IsDefined({ message: 'expectedDueDate is required for an unborn child' })
  @IsCalendarDate()
  expectedDueDate?: string | null;

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
  /** To phone a parent about a strategy discussion (Northamptonshire 9(d)). */
  @IsOptional()
  @IsString()
  @Matches(/^[0-9 +()-]{6,20}$/, { message: '$property must be a phone number' })
  phone?: string | null;
}
