import type { AgencyNodeDefinition } from '@mash/agency-node';
import { healthAnalysis } from './health-analysis';
import { HEALTH_RECORD_KINDS } from './health-record-kinds';

/** All that makes this node the health node; the rest is the shared engine (@mash/agency-node). */
export const HEALTH_NODE: AgencyNodeDefinition = {
  agency: 'health',
  recordKinds: HEALTH_RECORD_KINDS,
  analyse: healthAnalysis,
};
