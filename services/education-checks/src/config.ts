import { AgencyNodeConfig } from '@mash/agency-node';

/**
 * education-checks reads the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL) and the
 * agency node's own (AUTO_NO_TRACE).
 */
export class EducationChecksConfig extends AgencyNodeConfig {}
