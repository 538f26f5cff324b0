import { ServiceConfig } from '@mash/platform';

/** health-checks reads only the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL). */
export class HealthChecksConfig extends ServiceConfig {}
