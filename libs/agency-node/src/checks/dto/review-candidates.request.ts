import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REVIEW_DECISIONS, type ReviewDecision } from '../candidate-review';

/** A practitioner's judgement on one candidate: is this record the person asked about? */
export class CandidateReviewRequest {
  @ApiProperty({ example: 'child-0' })
  @IsString()
  @Matches(/^(child|adult)-\d+$/, { message: '$property must be a subject id such as child-0' })
  subjectId!: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  recordId!: string;

  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  review!: ReviewDecision;
}

/** `POST /checks/{checkId}/candidates/review`: one or more reviews, stored together or not at all. */
export class ReviewCandidatesRequest {
  @ApiProperty({ type: [CandidateReviewRequest], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CandidateReviewRequest)
  reviews!: CandidateReviewRequest[];
}
