import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PROFILE, MashProfileVariable } from '@mash/policy';
import { ServiceConfig } from '@mash/platform';

/** intake reads the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL), the hub's profile and its rate limit. */
export class IntakeConfig extends ServiceConfig {
  /**
   * The hub's policy profile, the same one triage and decision use: the portal shows the hub's name,
   * its urgent indicators and whom to call. Croydon for a local run; required in production.
   */
  @MashProfileVariable()
  MASH_PROFILE?: string;

  /** Contacts one client address may submit a minute through the public endpoint; then 429 with Retry-After. */
  @IsOptional() @IsInt() @Min(1) @Max(100_000) PUBLIC_RATE_LIMIT_PER_MINUTE: number = 30;

  get profileName(): string {
    return this.MASH_PROFILE ?? DEFAULT_PROFILE;
  }
}
