import { Column, Entity, PrimaryColumn } from 'typeorm';

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
}
