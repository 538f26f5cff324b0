import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Min } from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_RECIPIENTS,
  NotificationChannel,
  NotificationKind,
  NotificationRecipient,
} from '../vocabulary';

/** notifications -> decision: the referrer, the family, or an alerted team has been told. */
export class NotificationSent {
  @IsUUID() notificationId!: string;
  @IsUUID() contactId!: string;
  @IsIn(NOTIFICATION_KINDS) kind!: NotificationKind;
  @IsIn(NOTIFICATION_CHANNELS) channel!: NotificationChannel;
  @IsIn(NOTIFICATION_RECIPIENTS) recipient!: NotificationRecipient;
  @IsISO8601({ strict: true }) sentAt!: string;
  /** For an alert: its position in the screening's `alerts`, so the MASH record marks that alert sent. */
  @IsOptional() @IsInt() @Min(0) alertIndex?: number | null;
}
