import { ServiceConfig } from '@mash/platform';

/** intake reads only the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL). */
export class IntakeConfig extends ServiceConfig {}
