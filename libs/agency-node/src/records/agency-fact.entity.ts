import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ItemClassification, RagRating } from '@mash/contracts';
import { AgencyPerson } from './agency-person.entity';

/** A fact's details as stored: flat JSON values (each kind's class keeps them so). */
export type StoredFactDetails = Record<string, string | number | boolean | null>;

/** Something the agency knows about a person, classified by the agency. */
@Entity('agency_facts')
export class AgencyFact {
  @PrimaryColumn({ name: 'fact_id', type: 'text' }) factId!: string;
  @Column({ name: 'record_id', type: 'text' }) recordId!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'text' }) classification!: ItemClassification;
  @Column({ type: 'text' }) severity!: RagRating;
  @Column({ type: 'text', nullable: true }) role!: string | null;
  /** The kind's own fields (AgencyRecordKinds), as validated on import. */
  @Column({ type: 'jsonb' }) details!: StoredFactDetails;
  @ManyToOne(() => AgencyPerson, (person) => person.facts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id' })
  person?: AgencyPerson;
}
