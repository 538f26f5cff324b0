import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CheckItem, CheckMatch, RagRating } from '@mash/contracts';

/** The answer the node sent, exactly as sent. */
@Entity('check_responses')
export class CheckResponseRecord {
  @PrimaryColumn({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @Column({ name: 'responded_at', type: 'timestamptz' }) respondedAt!: Date;
  @Column({ name: 'responded_by', type: 'text' }) respondedBy!: string;
  @Column({ type: 'text' }) rag!: RagRating;
  @Column({ name: 'no_trace', type: 'text' }) noTrace!: boolean;
  @Column({ type: 'text' }) analysis!: string;
  @Column({ type: 'jsonb' }) matches!: CheckMatch[];
  @Column({ type: 'jsonb' }) items!: CheckItem[];
}
