import { ServiceConfig } from '@mash/platform';

/** decision reads only the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL). */
export class DecisionConfig extends ServiceConfig {}
