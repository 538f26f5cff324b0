import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AwaitedInformation, CheckMatch, ItemClassification, RagRating } from '@mash/contracts';

/** One item as the node keeps it: as sent, plus which of its facts it came from (never sent). */
export interface StoredCheckItem {
  summary: string;
  classification: ItemClassification;
  recordId?: string | null;
  subjectId?: string | null;
  /** The fact the item was written from, when it was; kept here only, so a later check can see it was shared. */
  factId?: string | null;
}

/**
 * An answer the node sent, exactly as sent. A check may have several: partial answers, each saying
 * what the agency still awaits, then at most one complete answer (a unique index guarantees it).
 */
@Entity('check_responses')
export class CheckResponseRecord {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' }) responseId!: string;
  @Column({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @Column({ name: 'responded_at', type: 'timestamptz' }) respondedAt!: Date;
  @Column({ name: 'responded_by', type: 'text' }) respondedBy!: string;
  @Column({ type: 'text' }) rag!: RagRating;
  @Column({ name: 'no_trace', type: 'boolean' }) noTrace!: boolean;
  @Column({ type: 'text' }) analysis!: string;
  @Column({ type: 'jsonb' }) matches!: CheckMatch[];
  @Column({ type: 'jsonb' }) items!: StoredCheckItem[];
  @Column({ type: 'boolean' }) partial!: boolean;
  @Column({ type: 'jsonb' }) awaiting!: AwaitedInformation[];
  /** The client's `Idempotency-Key`, when it sent one: a repeat with it gets this answer back. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  /** With a key: the hash of the request (idempotent-answer.ts), to tell a repeat from a reused key. */
  @Column({ name: 'request_hash', type: 'text', nullable: true }) requestHash!: string | null;
}
