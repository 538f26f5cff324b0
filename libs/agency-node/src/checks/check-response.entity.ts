import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CheckItem, CheckMatch, RagRating } from '@mash/contracts';

/** The answer the node sent, exactly as sent. */
@Entity('check_responses')
export class CheckResponseRecord {
  @PrimaryColumn({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @Column({ name: 'responded_at', type: 'timestamptz' }) respondedAt!: Date;
  @Column({ name: 'responded_by' }) respondedBy!: string;
  @Column() rag!: RagRating;
  @Column({ name: 'no_trace' }) noTrace!: boolean;
  @Column() analysis!: string;
  @Column({ type: 'jsonb' }) matches!: CheckMatch[];
  @Column({ type: 'jsonb' }) items!: CheckItem[];
}
