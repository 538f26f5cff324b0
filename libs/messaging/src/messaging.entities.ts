import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Transactional outbox: written in the same transaction as the effects, published afterwards with confirms. */
@Entity('outbox')
@Index('outbox_unpublished', ['sequence'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' }) sequence!: string;
  @Column({ name: 'message_id', type: 'uuid', unique: true }) messageId!: string;
  @Column({ type: 'text' }) exchange!: string;
  @Column({ name: 'routing_key', type: 'text' }) routingKey!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'correlation_id', type: 'text' }) correlationId!: string;
  @Column({ type: 'jsonb' }) headers!: Record<string, string>;
  @Column({ type: 'jsonb' }) body!: object;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}

/** Idempotent inbox: a message id handled once per queue; a redelivery finds its row and has no effect. */
@Entity('inbox')
export class InboxMessage {
  @PrimaryColumn({ type: 'text' }) queue!: string;
  @PrimaryColumn({ name: 'message_id', type: 'text' }) messageId!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'handled_at', type: 'timestamptz' }) handledAt!: Date;
}

export const MESSAGING_ENTITIES = [OutboxMessage, InboxMessage];
