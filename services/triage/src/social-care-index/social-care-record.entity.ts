import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Address, Gender, SocialCareStatus } from '@mash/contracts';

/**
 * One child in the local authority's children's social care index. The table also has generated
 * lookup columns (lowered, trimmed names) that the lookup query uses; they are not mapped here.
 */
@Entity('social_care_index')
export class SocialCareRecord {
  @PrimaryColumn({ name: 'record_id', type: 'text' }) recordId!: string;
  @Column({ name: 'given_name', type: 'text' }) givenName!: string;
  @Column({ name: 'family_name', type: 'text' }) familyName!: string;
  @Column({ name: 'other_names', type: 'jsonb' }) otherNames!: string[];
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth!: string;
  @Column({ type: 'text', nullable: true }) gender!: Gender | null;
  @Column({ type: 'jsonb', nullable: true }) address!: Address | null;
  @Column({ type: 'text' }) status!: SocialCareStatus;
  @Column({ name: 'allocated_worker', type: 'text', nullable: true }) allocatedWorker!: string | null;
  @Column({ type: 'text', nullable: true }) team!: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'imported_at', type: 'timestamptz' }) importedAt!: Date;
}
