import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Agency, CheckSubject, ConcernCategory, RagRating } from '@mash/contracts';
import type { SubjectSearchNote } from './check-matcher';

export const CHECK_STATUSES = ['open', 'responded', 'cancelled'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * A check request as the node received it from the hub. `open` until its complete answer is sent
 * (a partial answer leaves it open), then `responded`; `cancelled` when the hub withdrew it first.
 */
@Entity('checks')
export class Check {
  @PrimaryColumn({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) agency!: Agency;
  @Column({ type: 'text' }) rag!: RagRating;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) status!: CheckStatus;
  @Column({ type: 'jsonb' }) subjects!: CheckSubject[];
  @Column({ name: 'concern_categories', type: 'jsonb' }) concernCategories!: ConcernCategory[];
  @Column({ name: 'concern_summary', type: 'text' }) concernSummary!: string;
  /** When the complete answer was sent (status `responded`). */
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  /** When the latest partial answer was sent; the check stays `open` until it is completed. */
  @Column({ name: 'partial_responded_at', type: 'timestamptz', nullable: true })
  partialRespondedAt!: Date | null;
  /** `traceparent`/`tracestate` of the request (ids only), so the answer continues the contact's trace. */
  @Column({ name: 'trace_headers', type: 'jsonb' }) traceHeaders!: Record<string, string>;
  /** How many times the hub has chased this check for being overdue, and when it last did. */
  @Column({ name: 'chase_count', type: 'integer', default: 0 }) chaseCount!: number;
  @Column({ name: 'last_chased_at', type: 'timestamptz', nullable: true }) lastChasedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancelled_by', type: 'text', nullable: true }) cancelledBy!: string | null;
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true }) cancellationReason!: string | null;
  /** Subjects whose namesakes the search could not tell apart (CheckMatcher.search): ids and counts only. */
  @Column({ name: 'search_notes', type: 'jsonb', default: () => "'[]'" }) searchNotes!: SubjectSearchNote[];
}
