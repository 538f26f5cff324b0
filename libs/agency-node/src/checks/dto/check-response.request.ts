import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ITEM_CLASSIFICATIONS, RAG_RATINGS, type ItemClassification, type RagRating } from '@mash/contracts';

const NOT_BLANK = /\S/;

/** One piece of information the practitioner shares. */
export class CheckResponseItemRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: 4_000,
    description: "What the MASH is told, in the practitioner's words",
  })
  @IsString()
  @IsNotEmpty()
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  @MaxLength(4_000)
  summary!: string;

  @ApiProperty({
    enum: ITEM_CLASSIFICATIONS,
    description: 'mash-only: seen by MASH decision makers only, never leaves the hub',
  })
  @IsIn(ITEM_CLASSIFICATIONS)
  classification!: ItemClassification;

  @ApiPropertyOptional({
    maxLength: 100,
    description:
      'The matched record the item is about: one of matchedRecordIds. Required when more than one record is matched.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recordId?: string | null;

  @ApiPropertyOptional({
    example: 'child-0',
    description: 'The subject the record was confirmed for; defaults to the first such subject',
  })
  @IsOptional()
  @IsString()
  @Matches(/^(child|adult)-\d+$/, { message: '$property must be a subject id such as child-0' })
  subjectId?: string | null;

  @ApiPropertyOptional({
    maxLength: 100,
    description:
      "The fact of the record the item is written from (as in the check's draft). Kept by the node, never sent; " +
      'an item written from a mash-only fact must be mash-only.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  factId?: string | null;
}

/** Something the agency has asked a team or service for and is still waiting for (Northamptonshire stage 2). */
export class AwaitedInformationRequest {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Health visiting records for the last year' })
  @IsString()
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  @MaxLength(500)
  what!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Health visiting team, North locality (team lead)' })
  @IsString()
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  @MaxLength(200)
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'When it was asked for' })
  @IsISO8601({ strict: true })
  since!: string;
}

/** `POST /checks/{checkId}/response` (API.md), with `partial` and `awaiting` for an answer completed later. */
export class CheckResponseRequest {
  @ApiProperty({ enum: RAG_RATINGS, description: "The agency's own RAG for what it holds" })
  @IsIn(RAG_RATINGS)
  rag!: RagRating;

  @ApiProperty({
    minLength: 1,
    maxLength: 10_000,
    description: 'So what does it mean for the child (Northamptonshire 10)',
  })
  @IsString()
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  @MaxLength(10_000)
  analysis!: string;

  @ApiProperty({ description: 'True exactly when no record is matched' })
  @IsBoolean()
  noTrace!: boolean;

  @ApiProperty({
    type: [String],
    maxItems: 200,
    description:
      'Records a practitioner has confirmed for this check (POST /checks/{checkId}/candidates/review)',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  matchedRecordIds!: string[];

  @ApiProperty({
    type: [CheckResponseItemRequest],
    maxItems: 500,
    description: 'Exactly what is shared, nothing more',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CheckResponseItemRequest)
  items!: CheckResponseItemRequest[];

  @ApiPropertyOptional({
    description:
      'True: a partial answer, given now, that names what is still awaited; a later answer completes and replaces it',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  partial?: boolean;

  @ApiPropertyOptional({
    type: [AwaitedInformationRequest],
    maxItems: 50,
    description: 'Required when partial',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AwaitedInformationRequest)
  awaiting?: AwaitedInformationRequest[];
}
