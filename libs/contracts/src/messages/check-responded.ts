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
  Matches,
  MaxLength,
  ValidateNested,
  IsNotEmpty,
} from 'class-validator';
import {
  AGENCIES,
  ITEM_CLASSIFICATIONS,
  MATCH_CONFIDENCES,
  RAG_RATINGS,
  Agency,
  ItemClassification,
  MatchConfidence,
  RagRating,
} from '../vocabulary';

export class CheckMatch {
  @IsString() @Matches(/^(child|adult)-\d+$/) subjectId!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) recordId!: string;
  @IsIn(MATCH_CONFIDENCES) confidence!: MatchConfidence;
}

/** One piece of information an agency shares, classified by the agency. */
export class CheckItem {
  @IsString() @IsNotEmpty() @MaxLength(4_000) summary!: string;
  @IsIn(ITEM_CLASSIFICATIONS) classification!: ItemClassification;
  @IsOptional() @IsString() @MaxLength(100) recordId?: string | null;
  @IsOptional() @IsString() @Matches(/^(child|adult)-\d+$/) subjectId?: string | null;
}

/** Information an agency is still waiting for before it can complete its response (Northamptonshire stage 2). */
export class AwaitedInformation {
  @IsString() @IsNotEmpty() @MaxLength(500) what!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) from!: string;
  @IsISO8601({ strict: true }) since!: string;
}

/**
 * one agency -> decision: what the agency found, its RAG and its analysis. A partial response
 * (`partial: true`) says what the agency is still waiting for; a later response for the same check
 * completes it and replaces it.
 */
export class CheckResponded {
  @IsUUID() checkId!: string;
  @IsUUID() contactId!: string;
  @IsIn(AGENCIES) agency!: Agency;
  @IsISO8601({ strict: true }) respondedAt!: string;
  @IsIn(RAG_RATINGS) rag!: RagRating;
  @IsString() @MaxLength(10_000) analysis!: string;
  @IsBoolean() noTrace!: boolean;
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CheckMatch)
  matches!: CheckMatch[];
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CheckItem) items!: CheckItem[];
  /** Who answered: a practitioner's id, or `automatic` when the node answered by itself. */
  @IsString() @MaxLength(100) respondedBy!: string;
  /** Absent or false: the agency's complete answer. */
  @IsOptional() @IsBoolean() partial?: boolean;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AwaitedInformation)
  awaiting?: AwaitedInformation[];
}
