import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { Address, Gender } from '@mash/contracts';
import { AgencyFact } from './agency-fact.entity';

/** A person in the agency's own records. */
@Entity('agency_people')
export class AgencyPerson {
  @PrimaryColumn({ name: 'record_id', type: 'text' }) recordId!: string;
  @Column({ name: 'given_name', type: 'text' }) givenName!: string;
  @Column({ name: 'family_name', type: 'text' }) familyName!: string;
  @Column({ name: 'other_names', type: 'jsonb' }) otherNames!: string[];
  /** Lookup keys (exact-match.ts nameKey), so matching and storage agree on what "the same name" is. */
  @Column({ name: 'given_name_key', type: 'text' }) givenNameKey!: string;
  @Column({ name: 'family_name_key', type: 'text' }) familyNameKey!: string;
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth!: string;
  @Column({ type: 'text', nullable: true }) gender!: Gender | null;
  @Column({ type: 'jsonb', nullable: true }) address!: Address | null;
  @Column({ name: 'nhs_number', type: 'text', nullable: true }) nhsNumber!: string | null;
  @Column({ type: 'text', nullable: true }) upn!: string | null;
  @Column({ name: 'pnc_id', type: 'text', nullable: true }) pncId!: string | null;
  @Column({ name: 'imported_at', type: 'timestamptz' }) importedAt!: Date;
  /** Matching's blocking keys and normalised name (matching/search-keys.ts personSearchColumns). */
  @Column({ name: 'search_keys', type: 'text', array: true }) searchKeys!: string[];
  @Column({ name: 'search_name', type: 'text' }) searchName!: string;
  @OneToMany(() => AgencyFact, (fact) => fact.person) facts?: AgencyFact[];
}
