import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContactChannel, ContactDetails, ContactSource, RequestType } from '@mash/contracts';

/** A contact as the front door recorded it. */
@Entity('contacts')
export class Contact {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) source!: ContactSource;
  @Column({ type: 'text' }) channel!: ContactChannel;
  @Column({ name: 'request_type', type: 'text' }) requestType!: RequestType;
  @Column({ type: 'jsonb' }) details!: ContactDetails;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  /** SHA-256 of the first request's canonical JSON, to tell a repeat from another body under the key. */
  @Column({ name: 'request_hash', type: 'text', nullable: true }) requestHash!: string | null;
}
