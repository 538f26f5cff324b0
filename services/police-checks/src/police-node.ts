import type { AgencyNodeDefinition } from '@mash/agency-node';
import { policeAnalysis } from './police-analysis';
import { POLICE_RECORD_KINDS } from './police-record-kinds';

/** All that makes this node the police node; the rest is the shared engine (@mash/agency-node). */
export const POLICE_NODE: AgencyNodeDefinition = {
  agency: 'police',
  recordKinds: POLICE_RECORD_KINDS,
  analyse: policeAnalysis,
};
