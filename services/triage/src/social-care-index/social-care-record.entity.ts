import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Address, Gender, SocialCareStatus } from '@mash/contracts';
import type { IndexMother } from './index-search-keys';

/**
 * One child in the local authority's children's social care index. The table also has generated
 * lookup columns (lowered, trimmed names) for the exact lookup and the matcher's search keys
 * (index-search-keys.ts); they are not mapped here.
 */
@Entity('social_care_index')
export class SocialCareRecord {
  @PrimaryColumn({ name: 'record_id', type: 'text' }) recordId!: string;
  @Column({ name: 'given_name', type: 'text' }) givenName!: string;
  @Column({ name: 'family_name', type: 'text' }) familyName!: string;
  @Column({ name: 'other_names', type: 'jsonb' }) otherNames!: string[];
  /** Null only for an unborn child (a pre-birth case), who has an expected due date instead. */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ type: 'boolean', default: false }) unborn!: boolean;
  @Column({ name: 'expected_due_date', type: 'date', nullable: true }) expectedDueDate!: string | null;
  /** The index's own family or case group: children sharing it are linked on a screening. */
  @Column({ name: 'family_id', type: 'text', nullable: true }) familyId!: string | null;
  /** The child's mother as the index knows her (searched through social_care_index_mothers). */
  @Column({ type: 'jsonb', nullable: true }) mother!: IndexMother | null;
  @Column({ type: 'text', nullable: true }) gender!: Gender | null;
  @Column({ type: 'jsonb', nullable: true }) address!: Address | null;
  @Column({ type: 'text' }) status!: SocialCareStatus;
  @Column({ name: 'allocated_worker', type: 'text', nullable: true }) allocatedWorker!: string | null;
  @Column({ type: 'text', nullable: true }) team!: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'imported_at', type: 'timestamptz' }) importedAt!: Date;
}
