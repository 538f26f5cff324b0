import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ChildScreening,
  ConsentAssessment,
  RagRating,
  RequestedCheck,
  ScreeningAlert,
  ScreeningRoute,
  SocialCareIndexResult,
} from '@mash/contracts';

/**
 * The outcome of screening one contact. Holds ids, codes, fixed sentences, deadlines and the index's
 * answer (workers and teams, never a child's details): no personal data about the child or family.
 */
@Entity('screenings')
export class Screening {
  @PrimaryColumn({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) route!: ScreeningRoute;
  @Column({ type: 'text' }) rag!: RagRating;
  @Column({ type: 'text' }) rationale!: string;
  @Column({ name: 'screened_at', type: 'timestamptz' }) screenedAt!: Date;
  @Column({ name: 'social_care_index', type: 'jsonb' }) socialCareIndex!: SocialCareIndexResult[];
  @Column({ type: 'jsonb' }) checks!: RequestedCheck[];
  /** The policy profile applied; null for a screening made before profiles. */
  @Column({ type: 'text', nullable: true }) profile!: string | null;
  @Column({ type: 'jsonb' }) children!: ChildScreening[];
  @Column({ type: 'jsonb' }) alerts!: ScreeningAlert[];
  @Column({ type: 'jsonb', nullable: true }) consent!: ConsentAssessment | null;
  @Column({ name: 'checks_due_at', type: 'timestamptz', nullable: true }) checksDueAt!: Date | null;
  @Column({ name: 'decision_due_at', type: 'timestamptz', nullable: true }) decisionDueAt!: Date | null;
  @Column({ name: 'leave_hub_by', type: 'timestamptz', nullable: true }) leaveHubBy!: Date | null;
}
