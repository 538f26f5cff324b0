import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationChannel, NotificationKind } from '@mash/contracts';

export const NOTIFICATION_RECIPIENTS = ['referrer', 'family'] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];

/**
 * queued: an email waiting for the dispatcher (or for its next attempt after a failure);
 * sent: the mail server accepted it; failed: gave up after the last attempt;
 * ready-to-post: a letter for a referrer without an email address, waiting to be printed.
 */
export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed', 'ready-to-post'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Something the referrer or family is told, with the document and email prepared for it. */
@Entity('notifications')
export class Notification {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) kind!: NotificationKind;
  @Column({ type: 'text' }) recipient!: NotificationRecipient;
  @Column({ type: 'text' }) channel!: NotificationChannel;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column({ name: 'email_to', type: 'text', nullable: true }) emailTo!: string | null;
  @Column({ name: 'email_subject', type: 'text', nullable: true }) emailSubject!: string | null;
  @Column({ name: 'email_text', type: 'text', nullable: true }) emailText!: string | null;
  /** The letter as PDF; loaded only when asked for (lists never need it). */
  @Column({ type: 'bytea', select: false }) document!: Buffer;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  /** An error code from the mail server or the network, never an address or the mail's text. */
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
}
