import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChildKeyKind } from './record-child-key.entity';

/** A contact about a child the hub had seen before, linked to the earlier contact. */
@Entity('record_links')
export class RecordLink {
  @PrimaryColumn('uuid', { name: 'contact_id' }) contactId!: string;
  @PrimaryColumn('uuid', { name: 'earlier_contact_id' }) earlierContactId!: string;
  /** Which children of the later contact were recognised. */
  @Column({ name: 'child_indexes', type: 'integer', array: true }) childIndexes!: number[];
  @Column({ name: 'matched_by', type: 'text', array: true }) matchedBy!: ChildKeyKind[];
  @Column({ name: 'linked_at', type: 'timestamptz' }) linkedAt!: Date;
}
