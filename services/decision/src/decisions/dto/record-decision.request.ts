import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { OUTCOMES, type Outcome } from '@mash/contracts';

export const RATIONALE_MAX = 10_000;
export const FEEDBACK_MAX = 4_000;

/** `POST /contacts/{contactId}/decision` (API.md). */
export class RecordDecisionRequest {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  @ApiProperty({
    minLength: 1,
    maxLength: RATIONALE_MAX,
    description: 'Why: internal to the MASH, never sent out',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(RATIONALE_MAX)
  @Matches(/\S/, { message: 'rationale must not be blank' })
  rationale!: string;

  @ApiPropertyOptional({
    maxLength: FEEDBACK_MAX,
    description: 'Written for the referrer and sent to them; refused if it quotes a mash-only item',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_MAX)
  feedbackToReferrer?: string;
}
