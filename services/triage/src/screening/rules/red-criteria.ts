import type { ChildDetails, ContactReceived, UrgentIndicator } from '@mash/contracts';
import { redIndicators, type PolicyProfile } from '@mash/policy';
import { nonMobileBabyInjury } from './non-mobile-baby';

/** Why a child is Red, if they are. */
export interface RedCriteria {
  immediateDanger: boolean;
  /** The Appendix E criteria ticked on the contact that the profile applies. */
  urgentIndicators: UrgentIndicator[];
  /** Derived: a concern of physical abuse about a baby presumed non-mobile (non-mobile-baby.ts). */
  nonMobileBaby: boolean;
}

/**
 * The red criteria for one child of a contact. A ticked Appendix E criterion counts only where the profile
 * lists it (`redIndicators`): one it does not list stays on the contact for the decision maker to see. Immediate danger and the ticked criteria are said of the
 * contact, so they hold for every child in it (a referrer cannot be relied on to say which child);
 * the non-mobile baby criterion is the child's own.
 */
export function redCriteria(
  contact: Pick<ContactReceived, 'concern' | 'receivedAt'>,
  child: Pick<ChildDetails, 'unborn' | 'dateOfBirth'>,
  profile: PolicyProfile,
): RedCriteria {
  return {
    immediateDanger: contact.concern.immediateDanger === true,
    urgentIndicators: redIndicators(profile, contact.concern.urgentIndicators ?? []),
    nonMobileBaby: nonMobileBabyInjury(child, contact.concern, profile, new Date(contact.receivedAt)),
  };
}

export function isRed(criteria: RedCriteria): boolean {
  return criteria.immediateDanger || criteria.urgentIndicators.length > 0 || criteria.nonMobileBaby;
}
