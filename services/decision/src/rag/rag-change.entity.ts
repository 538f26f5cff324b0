import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Agency, RagRating } from '@mash/contracts';

/** Who set a rating: screening (triage), a team manager, or an agency escalating. */
export const RAG_SOURCES = ['screening', 'manager', 'escalation'] as const;
export type RagSource = (typeof RAG_SOURCES)[number];

/**
 * The RAG history of a record (append-only). An escalation that did not raise the rating (it was
 * already as high) is kept too, with `rating` equal to `previous` and what the agency asked for in
 * `requested`: that an agency escalated, who and why, is part of the record.
 */
@Entity('rag_changes')
export class RagChange {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) source!: RagSource;
  /** The rating after this entry. */
  @Column({ type: 'text' }) rating!: RagRating;
  @Column({ type: 'text', nullable: true }) previous!: RagRating | null;
  @Column({ name: 'set_by', type: 'text' }) setBy!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text', nullable: true }) agency!: Agency | null;
  @Column('uuid', { name: 'check_id', nullable: true }) checkId!: string | null;
  /** For an escalation: the rating the agency asked for. */
  @Column({ type: 'text', nullable: true }) requested!: RagRating | null;
}
