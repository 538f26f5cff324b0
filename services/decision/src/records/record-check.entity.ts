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
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) response!: CheckResponse | null;
}
