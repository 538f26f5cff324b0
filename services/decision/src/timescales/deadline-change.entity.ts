import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Agency, RagRating } from '@mash/contracts';

/** Why the deadlines were (re)computed. */
export const DEADLINE_CAUSES = [
  'screening',
  'rag-change',
  'escalation',
  'consent',
  'agencies-change',
  'decision',
] as const;
export type DeadlineCause = (typeof DEADLINE_CAUSES)[number];

/** One open check's due time as it stood after the change. */
export interface CheckDueAt {
  checkId: string;
  agency: Agency;
  dueAt: string | null;
}

/**
 * DESIGN.md, Time: deadlines are computed when a rating is set or changed, and stored. Every
 * computation is appended here (append-only: a trigger refuses UPDATE and DELETE): the deadlines as
 * they stood after it, when, why and by whom.
 */
@Entity('record_deadlines')
export class DeadlineChange {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) cause!: DeadlineCause;
  /** A person's id, `triage` for screening, or the agency's practitioner for an escalation. */
  @Column({ name: 'changed_by', type: 'text' }) changedBy!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text' }) rag!: RagRating;
  @Column({ name: 'checks_due_at', type: 'timestamptz', nullable: true }) checksDueAt!: Date | null;
  @Column({ name: 'decision_due_at', type: 'timestamptz', nullable: true }) decisionDueAt!: Date | null;
  @Column({ name: 'leave_hub_by', type: 'timestamptz', nullable: true }) leaveHubBy!: Date | null;
  @Column({ name: 'feedback_due_at', type: 'timestamptz', nullable: true }) feedbackDueAt!: Date | null;
  @Column({ type: 'jsonb' }) checks!: CheckDueAt[];
}
