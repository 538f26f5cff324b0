import type { AgencyNodeDefinition } from '@mash/agency-node';
import { educationAnalysis } from './education-analysis';
import { EDUCATION_RECORD_KINDS } from './education-record-kinds';

/** All that makes this node the education node; the rest is the shared engine (@mash/agency-node). */
export const EDUCATION_NODE: AgencyNodeDefinition = {
  agency: 'education',
  recordKinds: EDUCATION_RECORD_KINDS,
  analyse: educationAnalysis,
};
