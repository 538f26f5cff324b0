import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  Address,
  GENDERS,
  Gender,
  IsCalendarDate,
  ITEM_CLASSIFICATIONS,
  ItemClassification,
  NAME_MAX,
  RAG_RATINGS,
  RagRating,
} from '@mash/contracts';

/** Agency ids are opaque, but kept to characters that are safe in logs and URLs. */
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;
export const RECORD_ID_MAX = 100;
/** Leaves room for the date, kind and role an item's summary starts with (CheckItem allows 4,000). */
export const FACT_SUMMARY_MAX = 3_000;
/** The response carries at most 500 items; a person's facts beyond this belong in a conversation. */
export const FACTS_PER_RECORD_MAX = 200;

/**
 * One thing the agency knows about the person. `kind`, `role` and `details` (the kind's own fields)
 * are checked against the agency's own record types (AgencyRecordKinds).
 */
export class AgencyFactLine {
  @IsString()
  @MaxLength(RECORD_ID_MAX)
  @Matches(RECORD_ID, { message: '$property must be an id of letters, digits and ._:/-' })
  factId!: string;
  @IsCalendarDate() date!: string;
  @IsString() @IsNotEmpty() @MaxLength(40) kind!: string;
  @IsString() @IsNotEmpty() @MaxLength(FACT_SUMMARY_MAX) summary!: string;
  @IsIn(ITEM_CLASSIFICATIONS) classification!: ItemClassification;
  @IsIn(RAG_RATINGS) severity!: RagRating;
  @IsOptional() @IsString() @MaxLength(40) role?: string | null;
  /** The kind's own fields (police incident type, school attendance...), validated by the kind's class. */
  @IsOptional() @IsObject() details?: Record<string, unknown> | null;
}

/** One person in the agency's records, one NDJSON line (API.md, agency nodes: POST /records/import). */
export class AgencyRecordLine {
  @IsString()
  @MaxLength(RECORD_ID_MAX)
  @Matches(RECORD_ID, { message: '$property must be an id of letters, digits and ._:/-' })
  recordId!: string;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  otherNames?: string[];
  @IsCalendarDate() dateOfBirth!: string;
  @IsOptional() @IsIn(GENDERS) gender?: Gender | null;
  @IsOptional() @ValidateNested() @Type(() => Address) address?: Address | null;
  @IsOptional() @IsString() @Matches(/^\d{10}$/, { message: '$property must be 10 digits' }) nhsNumber?:
    string | null;
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]\d{11}[A-Z0-9]$/, { message: '$property must be a 13-character UPN' })
  upn?: string | null;
  @IsOptional() @IsString() @MaxLength(20) pncId?: string | null;
  @IsArray()
  @ArrayMaxSize(FACTS_PER_RECORD_MAX)
  @ValidateNested({ each: true })
  @Type(() => AgencyFactLine)
  facts!: AgencyFactLine[];
}
