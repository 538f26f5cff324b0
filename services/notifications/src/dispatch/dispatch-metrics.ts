import { Counter } from 'prom-client';
import { metricsRegistry } from '@mash/platform';

/** Labels are the notification kind and the result only: no address, name or reference. */
export const notificationsDispatched = new Counter({
  name: 'mash_notifications_dispatched_total',
  help: 'Notification sending attempts by kind and result (sent, retry, failed: given up after the last attempt)',
  labelNames: ['kind', 'result'],
  registers: [metricsRegistry],
});
