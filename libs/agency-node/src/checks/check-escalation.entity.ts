import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RagRating } from '@mash/contracts';

/** A practitioner raised the RAG of a check because the agency holds information of heightened risk. */
@Entity('check_escalations')
export class CheckEscalation {
  @PrimaryColumn({ name: 'escalation_id', type: 'uuid' }) escalationId!: string;
  @Column({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @Column({ name: 'escalated_at', type: 'timestamptz' }) escalatedAt!: Date;
  @Column({ name: 'escalated_by', type: 'text' }) escalatedBy!: string;
  @Column({ name: 'from_rag', type: 'text' }) fromRag!: RagRating;
  @Column({ type: 'text' }) rag!: RagRating;
  @Column({ type: 'text' }) reason!: string;
}
