import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Agency, AwaitedInformation, CheckItem, CheckMatch, RagRating } from '@mash/contracts';
import type { CheckStatus } from './record-status';

/** One agency's answer as it arrived in `check.responded`, items still carrying their classification. */
export interface CheckResponse {
  rag: RagRating;
  analysis: string;
  noTrace: boolean;
  matches: CheckMatch[];
  items: CheckItem[];
  respondedBy: string;
  /**
   * A partial answer (Northamptonshire stage 2): what the agency has so far, and what it still awaits.
   * Absent in answers stored before partial answers existed, which were all complete.
   */
  partial?: boolean;
  awaiting?: AwaitedInformation[];
}

/** One agency's check for a MASH record. */
@Entity('record_checks')
export class RecordCheck {
  @PrimaryColumn('uuid', { name: 'check_id' }) checkId!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column({ type: 'text' }) agency!: Agency;
  @Column({ type: 'text' }) status!: CheckStatus;
  /** When the check appeared on the record (screening, or a manager adding the agency). */
  @Column({ name: 'planned_at', type: 'timestamptz' }) plannedAt!: Date;
  /** When the request was sent to the agency; null while awaiting consent, or if it never was. */
  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true }) requestedAt!: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) response!: CheckResponse | null;
  /** When the check was first found past its due time; kept after it is answered (it was late). */
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true }) overdueAt!: Date | null;
  @Column({ name: 'chase_count', type: 'integer' }) chaseCount!: number;
  @Column({ name: 'last_chased_at', type: 'timestamptz', nullable: true }) lastChasedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancelled_by', type: 'text', nullable: true }) cancelledBy!: string | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason!: string | null;
  /**
   * Whom this agency is asked about (`subjects[].subjectId`), as screening chose; null when screening
   * did not say (then the agency's share of the people is chosen when the check is sent).
   */
  @Column({ name: 'subject_ids', type: 'text', array: true, nullable: true }) subjectIds!: string[] | null;
}

/** What a check has not yet had when it is planned: no answer, no chase, no withdrawal. */
export const UNTOUCHED_CHECK = {
  respondedAt: null,
  response: null,
  overdueAt: null,
  chaseCount: 0,
  lastChasedAt: null,
  cancelledAt: null,
  cancelledBy: null,
  cancelReason: null,
} as const satisfies Partial<RecordCheck>;
