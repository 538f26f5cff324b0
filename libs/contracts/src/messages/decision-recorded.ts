import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
  IsNotEmpty,
  IsDefined,
} from 'class-validator';
import { OUTCOMES, Outcome } from '../vocabulary';
import { NAME_MAX } from './people';

export class LetterRecipient {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) name!: string;
  @IsOptional() @IsString() @MaxLength(200) organisation?: string | null;
  @IsOptional() @IsEmail() email?: string | null;
}

export class LetterChild {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
}

/**
 * decision -> notifications: the outcome of a contact. It carries only what may leave the hub: the
 * outcome, the feedback written for the referrer, and who to tell. It never carries agency items.
 */
export class DecisionRecorded {
  @IsUUID() contactId!: string;
  @IsString() @MaxLength(40) reference!: string;
  @IsIn(OUTCOMES) outcome!: Outcome;
  @IsISO8601({ strict: true }) decidedAt!: string;
  @IsString() @MaxLength(100) decidedBy!: string;
  @IsOptional() @IsISO8601({ strict: true }) contactReceivedAt?: string | null;
  /** Written for the referrer by the decision maker; checked against mash-only items before it leaves. */
  @IsOptional() @IsString() @MaxLength(4_000) feedbackToReferrer?: string | null;
  @ValidateNested() @Type(() => LetterRecipient) @IsDefined() referrer!: LetterRecipient;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LetterChild)
  children!: LetterChild[];
}
