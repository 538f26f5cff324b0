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
  Matches,
} from 'class-validator';
import {
  CONTACT_SOURCES,
  ContactSource,
  FAMILY_ROLES,
  FamilyRole,
  OUTCOMES,
  Outcome,
  REQUEST_TYPES,
  RequestType,
} from '../vocabulary';
import { Address, NAME_MAX } from './people';

const PHONE = /^[0-9 +()-]{6,20}$/;

export class LetterRecipient {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) name!: string;
  @IsOptional() @IsString() @MaxLength(200) organisation?: string | null;
  @IsOptional() @IsEmail() email?: string | null;
  /** For a phone call instead of a letter (a strategy discussion, Northamptonshire 9(d)). */
  @IsOptional() @IsString() @Matches(PHONE, { message: '$property must be a phone number' }) phone?:
    string | null;
}

/** A family member to tell the outcome: a parent with parental responsibility, or a young person of 16 or 17. */
export class FamilyRecipient {
  @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) name!: string;
  @IsIn(FAMILY_ROLES) role!: FamilyRole;
  @IsOptional() @IsString() @MaxLength(NAME_MAX) relationship?: string | null;
  @IsOptional() @ValidateNested() @Type(() => Address) address?: Address | null;
  @IsOptional() @IsString() @Matches(PHONE, { message: '$property must be a phone number' }) phone?:
    string | null;
}

/** The team (or practitioner) the contact goes to, named in the letter with how to reach them. */
export class ReceivingTeam {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsOptional() @IsString() @Matches(PHONE, { message: '$property must be a phone number' }) phone?:
    string | null;
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

  // What follows is optional, so a decision service that sends only the fields above is still understood.
  /** advice and information-request contacts are consultations: a summary, no outcome letter (Bexley 5, 6). */
  @IsOptional() @IsIn(REQUEST_TYPES) requestType?: RequestType;
  @IsOptional() @IsIn(CONTACT_SOURCES) source?: ContactSource;
  /** The family to tell; the profile says for which outcomes, and whether young people of 16 or 17 too. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FamilyRecipient)
  family?: FamilyRecipient[];
  /**
   * Why the family is not told: telling them would put a child at risk or prejudice an enquiry (Bexley 22).
   * With a reason no family letter or call is prepared, and the reason is recorded with the notifications.
   */
  @IsOptional() @IsString() @MaxLength(2_000) familyNotToldReason?: string | null;
  /**
   * The decision's rationale, only where the hub's profile sends it to the referrer (Croydon 8: NFA
   * rationale); checked against mash-only items before it leaves, like the feedback.
   */
  @IsOptional() @IsString() @MaxLength(10_000) rationaleForReferrer?: string | null;
  /** A consultation's advice, summarised to the person who asked (Bexley 5 and 6). */
  @IsOptional() @IsString() @MaxLength(4_000) adviceGiven?: string | null;
  /** Who the contact went to, or who leads the early help (Croydon 3, Northamptonshire 5). */
  @IsOptional() @ValidateNested() @Type(() => ReceivingTeam) receivingTeam?: ReceivingTeam | null;
}
