import { AGENCIES, Agency, ConcernCategory } from '@mash/contracts';
import { PolicyProfile } from './policy-profile';

/**
 * The agencies a contact's checks go to under this hub's profile: those always checked (Bexley 15: health,
 * education and police), and those the contact's concerns call for (Warwickshire 7.3.1: "depending on the
 * concerns raised"). In the vocabulary's order, each once.
 */
export function agenciesToCheck(profile: PolicyProfile, concerns: readonly ConcernCategory[]): Agency[] {
  const chosen = new Set<Agency>(profile.agencies.always);
  for (const concern of concerns)
    for (const agency of profile.agencies.proportionate[concern] ?? []) chosen.add(agency);
  return AGENCIES.filter((agency) => chosen.has(agency));
}
