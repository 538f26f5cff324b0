import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { RAG_RATINGS, type RagRating } from '@mash/contracts';

/** `POST /checks/{checkId}/escalation`: the agency holds information of heightened risk. */
export class EscalateCheckRequest {
  @ApiProperty({ enum: RAG_RATINGS, description: "More urgent than the check's current RAG" })
  @IsIn(RAG_RATINGS)
  rag!: RagRating;

  @ApiProperty({
    minLength: 1,
    maxLength: 2_000,
    description: 'Why, for the MASH; stays between the agency and the hub',
  })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(2_000)
  reason!: string;
}
