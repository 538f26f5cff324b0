import type { DecisionConfig } from '../config';

export const DECISION_SETTINGS = Symbol('DECISION_SETTINGS');

/** decision's own tunables, read once from the validated configuration. */
export interface DecisionSettings {
  /** 0: the sweeper's timer is off (tests call the sweeper directly). */
  overdueSweepMs: number;
  chaseIntervalMs: number;
  reReferralWindowDays: number;
}

export function decisionSettings(config: DecisionConfig): DecisionSettings {
  return {
    overdueSweepMs: config.OVERDUE_SWEEP_SECONDS * 1_000,
    chaseIntervalMs: config.CHASE_INTERVAL_MINUTES * 60_000,
    reReferralWindowDays: config.REREFERRAL_WINDOW_DAYS,
  };
}
