import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { AGENCIES, RAG_RATINGS, Agency, RagRating } from '../vocabulary';

/** What every message about one check already requested carries. */
abstract class CheckMessage {
  @IsUUID() checkId!: string;
  @IsUUID() contactId!: string;
  @IsIn(AGENCIES) agency!: Agency;
}

/** decision -> one agency: your answer is past its due time; please answer (or escalate). */
export class CheckChased extends CheckMessage {
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsISO8601({ strict: true }) chasedAt!: string;
  /** 1 for the first chase, 2 for the next... */
  @IsInt() @Min(1) chaseNumber!: number;
}

/** decision -> one agency: the check is withdrawn (a manager changed the agencies to check). */
export class CheckCancelled extends CheckMessage {
  @IsISO8601({ strict: true }) cancelledAt!: string;
  @IsString() @MaxLength(100) cancelledBy!: string;
  /** Why, in the manager's words; stays between the hub and the agency. */
  @IsString() @IsNotEmpty() @MaxLength(2_000) reason!: string;
}

/** decision -> one agency: the contact's RAG changed, so the check has a new rating and due time. */
export class CheckRetimed extends CheckMessage {
  @IsIn(RAG_RATINGS) rag!: RagRating;
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string | null;
  @IsISO8601({ strict: true }) retimedAt!: string;
}

/** one agency -> decision: the agency has found heightened risk; the RAG must rise now. */
export class CheckEscalated extends CheckMessage {
  @IsIn(RAG_RATINGS) rag!: RagRating;
  @IsISO8601({ strict: true }) escalatedAt!: string;
  @IsString() @MaxLength(100) escalatedBy!: string;
  @IsString() @IsNotEmpty() @MaxLength(2_000) reason!: string;
}
