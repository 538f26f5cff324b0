import { CreateMessagingTables1763800000000, MESSAGING_ENTITIES } from '@mash/messaging';
import { postgresOptions } from '@mash/platform';
import { Notification } from '../notifications/notification.entity';
import { CreateNotifications1763800000500 } from './migrations/1763800000500-create-notifications';
import { EveryKindOfNotification1764800000500 } from './migrations/1764800000500-every-kind-of-notification';

export function notificationsDataSourceOptions(url: string) {
  return postgresOptions({
    url,
    applicationName: 'notifications',
    entities: [Notification, ...MESSAGING_ENTITIES],
    migrations: [
      CreateMessagingTables1763800000000,
      CreateNotifications1763800000500,
      EveryKindOfNotification1764800000500,
    ],
  });
}
