import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ContactReceived,
  Outcome,
  RagRating,
  ScreeningRoute,
  SocialCareIndexResult,
} from '@mash/contracts';
import type { RecordStatus } from './record-status';

/** What triage found, as it told us in `contact.screened`. */
export interface Screening {
  route: ScreeningRoute;
  socialCareIndex: SocialCareIndexResult[];
  rationale: string;
  screenedAt: string;
}

/** The MASH record of one contact: the screening, the checks' answers and the decision. */
@Entity('mash_records')
export class MashRecord {
  @PrimaryColumn('uuid', { name: 'contact_id' }) contactId!: string;
  @Column() reference!: string;
  @Column({ type: 'text' }) status!: RecordStatus;
  @Column({ type: 'text' }) route!: ScreeningRoute;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'jsonb' }) screening!: Screening;
  @Column({ name: 'rag_rating', type: 'text' }) ragRating!: RagRating;
  @Column({ name: 'rag_set_at', type: 'timestamptz' }) ragSetAt!: Date;
  @Column({ name: 'rag_set_by', type: 'text' }) ragSetBy!: string;
  @Column({ name: 'rag_reason', type: 'text', nullable: true }) ragReason!: string | null;
  /** The contact as intake recorded it (carried by `contact.screened`). */
  @Column({ type: 'jsonb' }) contact!: ContactReceived;
  @Column({ name: 'checks_due_at', type: 'timestamptz', nullable: true }) checksDueAt!: Date | null;
  @Column({ name: 'decision_due_at', type: 'timestamptz', nullable: true }) decisionDueAt!: Date | null;
  @Column({ name: 'feedback_due_at', type: 'timestamptz', nullable: true }) feedbackDueAt!: Date | null;
  @Column({ type: 'text', nullable: true }) outcome!: Outcome | null;
  /** Internal to the MASH: never put on the wire. */
  @Column({ type: 'text', nullable: true }) rationale!: string | null;
  @Column({ name: 'feedback_to_referrer', type: 'text', nullable: true }) feedbackToReferrer!: string | null;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'signed_off_by', type: 'text', nullable: true }) signedOffBy!: string | null;
  @Column({ name: 'feedback_sent_at', type: 'timestamptz', nullable: true }) feedbackSentAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
