import type { AgencyRecordKinds } from '@mash/agency-node';

export const POLICE_FACT_KINDS = ['incident', 'crime', 'intelligence'] as const;
export type PoliceFactKind = (typeof POLICE_FACT_KINDS)[number];

/** The person's part in a police fact. */
export const POLICE_FACT_ROLES = ['victim', 'suspect', 'offender', 'witness', 'person-of-concern'] as const;

/**
 * What police records hold about a person. Intelligence is soft information (reports of frequent
 * visitors, possible drug dealing): always mash-only, whatever the export says (Northamptonshire 11).
 */
export const POLICE_RECORD_KINDS: AgencyRecordKinds = {
  factKinds: POLICE_FACT_KINDS,
  labels: { incident: 'Incident', crime: 'Crime', intelligence: 'Intelligence' },
  factRoles: POLICE_FACT_ROLES,
  alwaysMashOnly: ['intelligence'],
};
