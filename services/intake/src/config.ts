import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ServiceConfig } from '@mash/platform';

/** intake reads the common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL) and its rate limit. */
export class IntakeConfig extends ServiceConfig {
  /** Contacts one client address may submit a minute through the public endpoint; then 429 with Retry-After. */
  @IsOptional() @IsInt() @Min(1) @Max(100_000) PUBLIC_RATE_LIMIT_PER_MINUTE: number = 30;
}
