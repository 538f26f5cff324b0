import type { AgencyRecordKinds } from '@mash/agency-node';

export const HEALTH_FACT_KINDS = [
  'gp-registration',
  'ed-attendance',
  'maternity',
  'health-visiting',
  'mental-health',
  'child-protection-flag',
] as const;
export type HealthFactKind = (typeof HEALTH_FACT_KINDS)[number];

/** What health records hold about a person. Health classifies each fact itself; no kind is forced. */
export const HEALTH_RECORD_KINDS: AgencyRecordKinds = {
  factKinds: HEALTH_FACT_KINDS,
  labels: {
    'gp-registration': 'GP registration',
    'ed-attendance': 'ED attendance',
    maternity: 'Maternity',
    'health-visiting': 'Health visiting',
    'mental-health': 'Mental health',
    'child-protection-flag': 'Child protection flag',
  },
};
