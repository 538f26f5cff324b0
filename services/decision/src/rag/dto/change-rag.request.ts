import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { RAG_RATINGS, type RagRating } from '@mash/contracts';

export const REASON_MAX = 2_000;

/** `POST /contacts/{contactId}/rag` (team manager). */
export class ChangeRagRequest {
  @ApiProperty({ enum: RAG_RATINGS, description: 'The new rating; must differ from the current one' })
  @IsIn(RAG_RATINGS)
  rating!: RagRating;

  @ApiProperty({ maxLength: REASON_MAX, description: 'Why, in the manager’s words (shown on the record)' })
  @IsString()
  @MaxLength(REASON_MAX)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
