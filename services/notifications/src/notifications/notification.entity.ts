import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  NOTIFICATION_RECIPIENTS,
  type NotificationChannel,
  type NotificationKind,
  type NotificationRecipient,
} from '@mash/contracts';

export { NOTIFICATION_RECIPIENTS };
export type { NotificationRecipient };

/**
 * queued: an email waiting for the dispatcher (or for its next attempt after a failure);
 * sent: the mail server accepted it (or staff recorded an alert or letter sent by hand);
 * failed: gave up after the last attempt, for a person to see;
 * ready-to-post: a letter waiting to be printed and posted;
 * to-do, done, not-done: a phone task (a strategy discussion: no letters, Northamptonshire 9(d));
 * send-by-hand: an alert to a team the directory has no address for;
 * waiting: the referrer's LADO outcome, held until the LADO has been told (Croydon 10);
 * withheld: the family is not told, for the reason the decision maker recorded (Bexley 22).
 */
export const NOTIFICATION_STATUSES = [
  'queued',
  'sent',
  'failed',
  'ready-to-post',
  'to-do',
  'done',
  'not-done',
  'send-by-hand',
  'waiting',
  'withheld',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Statuses that still need someone (or the dispatcher) to act: these can be overdue. */
export const OPEN_STATUSES: readonly NotificationStatus[] = [
  'queued',
  'to-do',
  'send-by-hand',
  'waiting',
  'ready-to-post',
];

/** Someone on a phone task's list: whom to call and on what number. */
export interface CallListEntry {
  name: string;
  relationship: string;
  phone: string | null;
}

/** Something someone is told, with the document and email prepared for it. */
@Entity('notifications')
export class Notification {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) kind!: NotificationKind;
  @Column({ type: 'text' }) recipient!: NotificationRecipient;
  /** Tells apart two of one kind to one recipient (a second parent: `family-1`; an alert: `alert-2`). */
  @Column({ name: 'recipient_key', type: 'text' }) recipientKey!: string;
  @Column({ type: 'text' }) channel!: NotificationChannel;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column({ name: 'email_to', type: 'text', nullable: true }) emailTo!: string | null;
  @Column({ name: 'email_subject', type: 'text', nullable: true }) emailSubject!: string | null;
  @Column({ name: 'email_text', type: 'text', nullable: true }) emailText!: string | null;
  /** The letter as PDF (none for an acknowledgement, an alert or a phone task); loaded only when asked for. */
  @Column({ type: 'bytea', nullable: true, select: false }) document!: Buffer | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** When the protocol wants it done by (the profile's timescale), if it says. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  /** An error code from the mail server or the network, never an address or the mail's text. */
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  /** A phone task's numbers to call. */
  @Column({ name: 'call_list', type: 'jsonb', nullable: true }) callList!: CallListEntry[] | null;
  /** A phone task marked done or not done, or an alert or letter recorded as sent by hand: when and by whom. */
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ name: 'done_by', type: 'text', nullable: true }) doneBy!: string | null;
  /** What the person who made the call wrote about it. */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Why not: the family not told (Bexley 22), a call not made, an alert left to be sent by hand. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** For an alert: its position in the screening's alerts. */
  @Column({ name: 'alert_index', type: 'integer', nullable: true }) alertIndex!: number | null;
  /** `lado-alert`: held until the contact's LADO alert is sent. */
  @Column({ name: 'waiting_for', type: 'text', nullable: true }) waitingFor!: string | null;
}
