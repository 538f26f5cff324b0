import { ServiceConfig } from '@mash/platform';

/** police-checks reads only the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL). */
export class PoliceChecksConfig extends ServiceConfig {}
