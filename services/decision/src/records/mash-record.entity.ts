import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  CheckSubject,
  ChildScreening,
  ConsentException,
  ConsentOutcome,
  ConsentStatus,
  ContactReceived,
  Outcome,
  RagRating,
  ScreeningRoute,
  SocialCareIndexResult,
} from '@mash/contracts';
import type { RecordAlert } from '../alerts/alert-sent';
import type { RecordStatus } from './record-status';

/** What triage found, as it told us in `contact.screened`. */
export interface Screening {
  route: ScreeningRoute;
  socialCareIndex: SocialCareIndexResult[];
  rationale: string;
  screenedAt: string;
}

/**
 * Whether the checks may go ahead without consent (from `contact.screened`), kept up to date by the
 * team manager's consent decisions. `status` is what the referrer said.
 */
export interface ConsentState {
  status: ConsentStatus;
  outcome: ConsentOutcome;
  exception: ConsentException | null;
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
  /** Northamptonshire Appendix C: no contact stays in the MASH longer than 24 hours. */
  @Column({ name: 'leave_hub_by', type: 'timestamptz', nullable: true }) leaveHubBy!: Date | null;
  /** The policy profile screening applied (`croydon`, ...); null for records screened before profiles. */
  @Column({ type: 'text', nullable: true }) profile!: string | null;
  /** Null for records screened before triage assessed consent. */
  @Column({ type: 'jsonb', nullable: true }) consent!: ConsentState | null;
  /** Who screening says must be told, and by when (a worker or team, never a child's details). */
  /** Screening's alerts, each with when and by whom it was sent once someone has (alerts/alert-sent.ts). */
  @Column({ type: 'jsonb' }) alerts!: RecordAlert[];
  /** Each child's own screening ("think family"). */
  @Column({ name: 'children_screening', type: 'jsonb' }) childrenScreening!: ChildScreening[];
  /** Who the agencies are asked about, so checks requested later ask about the same people. */
  @Column({ type: 'jsonb', nullable: true }) subjects!: CheckSubject[] | null;
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
