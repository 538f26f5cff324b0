import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OUTCOMES, type Outcome } from '@mash/contracts';

export const RATIONALE_MAX = 10_000;
export const FEEDBACK_MAX = 4_000;
export const REASON_MAX = 2_000;

/** The team the contact goes to, or who leads the early help, named in the letters with how to reach them. */
export class ReceivingTeamRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ example: '020 7946 0000' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9 +()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  email?: string;
}

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

  @ApiPropertyOptional({
    maxLength: REASON_MAX,
    description:
      'Why the family is not told: telling them would put a child at risk or prejudice an enquiry (Bexley 22). ' +
      'With it, no letter or call to the family is prepared, and the reason is recorded',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  @Matches(/\S/, { message: 'familyNotToldReason must not be blank' })
  familyNotToldReason?: string;

  @ApiPropertyOptional({
    maxLength: FEEDBACK_MAX,
    description:
      'For an advice or information request: the advice given, summarised to the person who asked (Bexley 5 and 6); ' +
      'refused if it quotes a mash-only item',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_MAX)
  adviceGiven?: string;

  @ApiPropertyOptional({
    type: ReceivingTeamRequest,
    description: 'The team the contact goes to, or who leads the early help (Croydon 3, Northamptonshire 5)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReceivingTeamRequest)
  receivingTeam?: ReceivingTeamRequest;
}
