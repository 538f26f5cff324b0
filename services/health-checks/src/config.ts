import { AgencyNodeConfig } from '@mash/agency-node';

/**
 * health-checks reads the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL) and the
 * agency node's own (AUTO_NO_TRACE).
 */
export class HealthChecksConfig extends AgencyNodeConfig {}
