import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  isISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import {
  Address,
  GENDERS,
  Gender,
  isCalendarDate,
  IsCalendarDate,
  NAME_MAX,
  SOCIAL_CARE_STATUSES,
  SocialCareStatus,
} from '@mash/contracts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** A calendar date (2019-04-01) or a date-time with its offset (2019-04-01T09:30:00Z). */
function IsDateOrDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateOrDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date (YYYY-MM-DD) or an ISO 8601 date-time', ...options },
      validator: {
        validate: (value: unknown) =>
          isCalendarDate(value) ||
          (typeof value === 'string' &&
            DATE_TIME.test(value) &&
            isISO8601(value, { strict: true }) &&
            !Number.isNaN(Date.parse(value))),
      },
    });
}

/** The mother a record of the index names. */
export class SocialCareIndexMother {
  @ApiProperty({ example: 'Beth' }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @ApiProperty({ example: 'Example' }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @ApiPropertyOptional({ type: [String], description: 'Other names: a previous family name, an alias' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  otherNames?: string[] | null;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() dateOfBirth?: string | null;
}

/** One line of `POST /social-care-index/import` (API.md, triage): one child known to children's social care. */
export class SocialCareIndexLine {
  @ApiProperty({ example: 'SC-100234' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  recordId!: string;

  @ApiProperty({ example: 'Amelia' }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @ApiProperty({ example: 'Example' }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  otherNames?: string[] | null;

  @ApiPropertyOptional({
    format: 'date',
    example: '2016-05-14',
    description: 'Required unless the child is unborn (a pre-birth case), who has expectedDueDate instead',
  })
  @ValidateIf((line: SocialCareIndexLine) => line.unborn !== true || line.dateOfBirth != null)
  @IsDefined({ message: 'dateOfBirth is required unless the child is unborn' })
  @IsCalendarDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ description: 'An unborn child (a pre-birth assessment or plan)' })
  @IsOptional()
  @IsBoolean()
  unborn?: boolean | null;

  @ApiPropertyOptional({ format: 'date', description: 'Required for an unborn child' })
  @ValidateIf((line: SocialCareIndexLine) => line.unborn === true || line.expectedDueDate != null)
  @IsDefined({ message: 'expectedDueDate is required for an unborn child' })
  @IsCalendarDate()
  expectedDueDate?: string | null;

  @ApiPropertyOptional({
    example: 'FAM-2231',
    description: "The index's own family or case group: children sharing it are linked on a screening",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  familyId?: string | null;

  @ApiPropertyOptional({
    type: () => SocialCareIndexMother,
    description: 'The child’s mother: an unborn child is found by her record and the due date',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialCareIndexMother)
  mother?: SocialCareIndexMother | null;
  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: Gender | null;
  @ApiPropertyOptional({ type: Address })
  @IsOptional()
  @ValidateNested()
  @Type(() => Address)
  address?: Address | null;
  @ApiProperty({ enum: SOCIAL_CARE_STATUSES }) @IsIn(SOCIAL_CARE_STATUSES) status!: SocialCareStatus;
  @ApiPropertyOptional({ example: 'Sam Worker' }) @IsOptional() @IsString() @MaxLength(100) allocatedWorker?:
    string | null;
  @ApiPropertyOptional({ example: 'Children in Need Team 2' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  team?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateOrDateTime()
  openedAt?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateOrDateTime()
  closedAt?: string | null;
}
