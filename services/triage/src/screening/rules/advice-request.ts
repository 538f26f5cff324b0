import type { RequestType } from '@mash/contracts';
import { RATIONALES } from './rationales';

export interface AdviceOutcome {
  route: 'signpost' | 'no-further-action';
  rationale: string;
}

/**
 * A caller who only wants information is signposted to the service (Bexley 2; Northamptonshire
 * Appendix B: "MASHO provides information only"); a consultation ends with the advice itself and no
 * further action by the MASH (Bexley 5 and 6; Northamptonshire Appendix B: advice/consultation, NFA).
 * Either way the caller is sent a written summary (the advice-summary alert). Any other request is
 * screened as usual. Calling it advice does not make a contact safe: a red criterion (immediate danger,
 * an urgent criterion) is screened as a safeguarding contact instead (see screen-contact.ts).
 */
export function adviceOutcome(requestType: RequestType): AdviceOutcome | null {
  if (requestType === 'information-request')
    return { route: 'signpost', rationale: RATIONALES.informationRequest };
  if (requestType === 'advice') return { route: 'no-further-action', rationale: RATIONALES.adviceCall };
  return null;
}
