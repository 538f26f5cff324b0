import { Entity, PrimaryColumn } from 'typeorm';

export const CHILD_KEY_KINDS = ['name-and-date-of-birth', 'social-care-record'] as const;
export type ChildKeyKind = (typeof CHILD_KEY_KINDS)[number];

/**
 * A key by which a child of this contact can be recognised in another contact: a digest of the
 * normalised names and date of birth (never the names themselves), or the social care index record id.
 */
@Entity('record_children')
export class RecordChildKey {
  @PrimaryColumn('uuid', { name: 'contact_id' }) contactId!: string;
  @PrimaryColumn({ name: 'child_index', type: 'integer' }) childIndex!: number;
  @PrimaryColumn({ name: 'key_kind', type: 'text' }) keyKind!: ChildKeyKind;
  @PrimaryColumn({ type: 'text' }) key!: string;
}
