import { ServiceConfig } from '@mash/platform';

/** education-checks reads only the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL). */
export class EducationChecksConfig extends ServiceConfig {}
