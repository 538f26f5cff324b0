import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RagRating, RequestedCheck, ScreeningRoute, SocialCareIndexResult } from '@mash/contracts';

/** The outcome of screening one contact. Holds ids, codes and the index's answer; no personal data. */
@Entity('screenings')
export class Screening {
  @PrimaryColumn({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) route!: ScreeningRoute;
  @Column({ type: 'text' }) rag!: RagRating;
  @Column({ type: 'text' }) rationale!: string;
  @Column({ name: 'screened_at', type: 'timestamptz' }) screenedAt!: Date;
  @Column({ name: 'social_care_index', type: 'jsonb' }) socialCareIndex!: SocialCareIndexResult[];
  @Column({ type: 'jsonb' }) checks!: RequestedCheck[];
}
