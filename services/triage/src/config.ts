import { ServiceConfig } from '@mash/platform';

/** triage reads only the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL) for now. */
export class TriageConfig extends ServiceConfig {}
