import { DEFAULT_PROFILE, MashProfileVariable } from '@mash/policy';
import { ServiceConfig } from '@mash/platform';

/** intake reads the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL) and the hub's profile. */
export class IntakeConfig extends ServiceConfig {
  /**
   * The hub's policy profile, the same one triage and decision use: the portal shows the hub's name,
   * its urgent indicators and whom to call. Croydon for a local run; required in production.
   */
  @MashProfileVariable()
  MASH_PROFILE?: string;

  get profileName(): string {
    return this.MASH_PROFILE ?? DEFAULT_PROFILE;
  }
}
