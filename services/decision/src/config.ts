import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PROFILE, MashProfileVariable } from '@mash/policy';
import { ServiceConfig } from '@mash/platform';

/** The common variables (PORT, DATABASE_URL, AMQP_URL, AUTH_*, LOG_LEVEL) and decision's own. */
export class DecisionConfig extends ServiceConfig {
  /**
   * The hub's policy profile, the same one triage screens with: a built-in name (croydon, bexley,
   * northamptonshire, warwickshire, blackburn-with-darwen) or a path to a profile file. Deadlines are
   * recomputed with it when a manager changes the RAG or the agencies, an agency escalates, or a
   * decision is recorded. A profile that does not load stops start-up naming MASH_PROFILE and every
   * wrong field. A local run defaults to croydon; in production it must be set, as for triage.
   */
  @MashProfileVariable()
  MASH_PROFILE?: string;

  /** The profile to load: MASH_PROFILE, or croydon for a local run. */
  get profileName(): string {
    return this.MASH_PROFILE ?? DEFAULT_PROFILE;
  }
  /** How often the overdue sweeper runs, in seconds; 0 turns the timer off (tests call it directly). */
  @IsOptional() @IsInt() @Min(0) @Max(3_600) OVERDUE_SWEEP_SECONDS: number = 60;
  /** An overdue check is chased at once, then again every this many minutes until it is answered. */
  @IsOptional() @IsInt() @Min(1) @Max(10_080) CHASE_INTERVAL_MINUTES: number = 60;
  /**
   * A contact about a child the hub saw in a contact received within this many days counts as a
   * re-referral in the figures (Croydon 13); 0 counts any earlier contact. Every earlier contact is
   * linked on the record whatever its age.
   */
  @IsOptional() @IsInt() @Min(0) @Max(3_650) REREFERRAL_WINDOW_DAYS: number = 365;
}
