import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContactReceived, SocialCareIndexResult } from '@mash/contracts';
import type { ChildUnderReview } from './index-match-review';

export type IndexMatchReviewStatus = 'awaiting-review' | 'screened';

/**
 * A contact held because a child may be a record of the social care index (a possible match), until a
 * contact officer confirms or rejects each possible match. The contact is kept only while it is held
 * (it is screened from it) and erased once screened; ids, scores, reasons and reviews stay.
 */
@Entity('index_match_reviews')
export class IndexMatchReview {
  @PrimaryColumn({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) status!: IndexMatchReviewStatus;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'jsonb', nullable: true }) contact!: ContactReceived | null;
  /** The children already settled when it was held (found, or not in the index). */
  @Column({ type: 'jsonb' }) settled!: SocialCareIndexResult[];
  @Column({ type: 'jsonb' }) children!: ChildUnderReview[];
  @Column({ name: 'screened_at', type: 'timestamptz', nullable: true }) screenedAt!: Date | null;
}
