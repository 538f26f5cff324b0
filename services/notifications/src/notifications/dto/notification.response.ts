import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationChannel,
  NotificationKind,
} from '@mash/contracts';
import {
  CallListEntry,
  Notification,
  OPEN_STATUSES,
  NOTIFICATION_RECIPIENTS,
  NOTIFICATION_STATUSES,
  NotificationRecipient,
  NotificationStatus,
} from '../notification.entity';

/** What was sent, or is due, for a contact (API.md, notifications). No address or content: the document has those. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_RECIPIENTS }) recipient!: NotificationRecipient;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel!: NotificationChannel;
  @ApiProperty({
    enum: NOTIFICATION_STATUSES,
    description:
      'queued (waiting to be sent, or for its next attempt), sent, failed (gave up after the last attempt), ' +
      'ready-to-post, to-do / done / not-done (a phone task), send-by-hand (an alert with no address in the ' +
      "directory), waiting (the referrer's LADO outcome, until the LADO is told), withheld (the family not told, with the reason recorded)",
  })
  status!: NotificationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When it is due (the profile)',
  })
  dueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ description: 'Sending attempts so far' }) attempts!: number;
  @ApiProperty({ description: 'Past its due time and not yet sent, done or given up on' }) overdue!: boolean;

  static from(notification: Notification, now: Date = new Date()): NotificationResponse {
    return {
      id: notification.id,
      contactId: notification.contactId,
      kind: notification.kind,
      recipient: notification.recipient,
      channel: notification.channel,
      status: notification.status,
      createdAt: notification.createdAt.toISOString(),
      dueAt: notification.dueAt ? notification.dueAt.toISOString() : null,
      sentAt: notification.sentAt ? notification.sentAt.toISOString() : null,
      attempts: notification.attempts,
      overdue: isOverdue(notification, now),
    };
  }
}

/** Open (not sent, done or given up on) and past its due time; the same rule as the overdue list's query. */
export function isOverdue(notification: Pick<Notification, 'status' | 'dueAt'>, now: Date): boolean {
  return (
    OPEN_STATUSES.includes(notification.status) &&
    !!notification.dueAt &&
    notification.dueAt.getTime() < now.getTime()
  );
}

export class CallListEntryResponse implements CallListEntry {
  @ApiProperty() name!: string;
  @ApiProperty() relationship!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
}

/** One notification in full, for hub staff: a phone task's numbers, its note, why something was not sent. */
export class NotificationDetailResponse extends NotificationResponse {
  @ApiPropertyOptional({ type: CallListEntryResponse, isArray: true, nullable: true })
  callList!: CallListEntry[] | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) doneAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) doneBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The note of a call made' }) note!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why not: the family not told, a call not made, an alert left to send by hand',
  })
  reason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) alertIndex!: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The mail server's error code, never its text" })
  lastError!: string | null;
  @ApiProperty({ description: 'Whether there is a letter to download' }) hasDocument!: boolean;

  static detail(notification: Notification, now: Date, hasDocument: boolean): NotificationDetailResponse {
    return {
      ...NotificationResponse.from(notification, now),
      callList: notification.callList,
      doneAt: notification.doneAt ? notification.doneAt.toISOString() : null,
      doneBy: notification.doneBy,
      note: notification.note,
      reason: notification.reason,
      alertIndex: notification.alertIndex,
      lastError: notification.lastError,
      hasDocument,
    };
  }
}
