import { IsIn, IsISO8601, IsUUID } from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationChannel,
  NotificationKind,
} from '../vocabulary';

/** notifications -> decision: the referrer (or family) has been told. */
export class NotificationSent {
  @IsUUID() notificationId!: string;
  @IsUUID() contactId!: string;
  @IsIn(NOTIFICATION_KINDS) kind!: NotificationKind;
  @IsIn(NOTIFICATION_CHANNELS) channel!: NotificationChannel;
  @IsIn(['referrer', 'family']) recipient!: 'referrer' | 'family';
  @IsISO8601({ strict: true }) sentAt!: string;
}
