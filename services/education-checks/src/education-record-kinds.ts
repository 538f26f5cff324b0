import type { AgencyRecordKinds } from '@mash/agency-node';

export const EDUCATION_FACT_KINDS = [
  'school',
  'attendance',
  'exclusion',
  'sen',
  'ehcp',
  'missing-education',
  'operation-encompass',
] as const;
export type EducationFactKind = (typeof EDUCATION_FACT_KINDS)[number];

/**
 * What education records hold about a child. Operation Encompass notifications come from police
 * (a domestic abuse incident the child was exposed to); education classifies them itself.
 */
export const EDUCATION_RECORD_KINDS: AgencyRecordKinds = {
  factKinds: EDUCATION_FACT_KINDS,
  labels: {
    school: 'School',
    attendance: 'Attendance',
    exclusion: 'Exclusion',
    sen: 'SEN support',
    ehcp: 'EHCP',
    'missing-education': 'Missing education',
    'operation-encompass': 'Operation Encompass',
  },
};
