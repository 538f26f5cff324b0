import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationChannel,
  NotificationKind,
} from '@mash/contracts';
import {
  Notification,
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
      'queued (waiting to be sent, or for its next attempt), sent, failed (gave up after the last attempt), ready-to-post',
  })
  status!: NotificationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ description: 'Sending attempts so far' }) attempts!: number;

  static from(notification: Notification): NotificationResponse {
    return {
      id: notification.id,
      contactId: notification.contactId,
      kind: notification.kind,
      recipient: notification.recipient,
      channel: notification.channel,
      status: notification.status,
      createdAt: notification.createdAt.toISOString(),
      sentAt: notification.sentAt ? notification.sentAt.toISOString() : null,
      attempts: notification.attempts,
    };
  }
}
