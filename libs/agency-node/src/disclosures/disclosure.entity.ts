import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RagRating } from '@mash/contracts';

/** One entry of the append-only disclosure log: what the agency shared, with whom, why and by whom. */
@Entity('disclosures')
export class Disclosure {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ name: 'shared_with', type: 'text' }) sharedWith!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ name: 'shareable_items', type: 'integer' }) shareableItems!: number;
  @Column({ name: 'mash_only_items', type: 'integer' }) mashOnlyItems!: number;
  @Column({ name: 'record_ids', type: 'jsonb' }) recordIds!: string[];
  @Column({ name: 'responded_by', type: 'text' }) respondedBy!: string;
  @Column({ name: 'disclosed_at', type: 'timestamptz' }) disclosedAt!: Date;
  /** The answer this entry records (null only for entries written before answers had ids). */
  @Column({ name: 'response_id', type: 'uuid', nullable: true }) responseId!: string | null;
  @Column({ type: 'boolean' }) partial!: boolean;
  @Column({ type: 'text', nullable: true }) rag!: RagRating | null;
  @Column({ name: 'no_trace', type: 'boolean', nullable: true }) noTrace!: boolean | null;
}
