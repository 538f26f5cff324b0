import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INDEX_REVIEW_DECISIONS, type IndexReviewDecision } from '../index-match-review';

/** A contact officer's judgement on one possible match: is this record of the index this child? */
export class IndexMatchReviewRequest {
  @ApiProperty({ example: 0, description: "The child's position in the contact's children" })
  @IsInt()
  @Min(0)
  childIndex!: number;

  @ApiProperty({ maxLength: 100, example: 'SC-100234' })
  @IsString()
  @MaxLength(100)
  recordId!: string;

  @ApiProperty({ enum: INDEX_REVIEW_DECISIONS })
  @IsIn(INDEX_REVIEW_DECISIONS)
  review!: IndexReviewDecision;
}

/** `POST /index-matches/{contactId}/review`: one or more reviews, stored together or not at all. */
export class ReviewIndexMatchesRequest {
  @ApiProperty({ type: [IndexMatchReviewRequest], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IndexMatchReviewRequest)
  reviews!: IndexMatchReviewRequest[];
}
