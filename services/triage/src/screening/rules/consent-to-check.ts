import type { ConsentAssessment, ContactReceived, ConsentException } from '@mash/contracts';
import type { PolicyProfile } from '@mash/policy';
import { RATIONALES } from './rationales';

export interface ConsentDecision extends ConsentAssessment {
  /** A fixed sentence for the rationale; none when no checks were planned. */
  rationale: string | null;
}

/**
 * Whether planned checks may be sent now.
 * - Consent given: yes (`consent-given`).
 * - Refused or not sought: no; the checks wait for a manager, who overrides or records consent obtained
 *   later (`awaiting-decision`; Bexley 19 and 27; Northamptonshire 6: "it is the MASH Team Manager that
 *   should record a rationale ... why consent was overridden"; Blackburn with Darwen: "consent will be
 *   overridden, and this will be clearly recorded in the MASH management oversight").
 * - Except, where the profile lists the exception: police referrals and notifications (Croydon 5: "made on
 *   the basis that there is a considered need for a safeguarding response"; the exception names both, so a
 *   contact from the police counts whatever its channel, and so does one on the police-notification
 *   channel), and immediate danger (Bexley 21; Blackburn with Darwen: "We do not need consent, nor should
 *   you delay"). Immediate danger is named before police when both apply.
 * - A request for early help never proceeds without consent when the profile says so (Bexley 19: "If a
 *   professional is requesting a Family Wellbeing service, there must always be consent"), whatever the
 *   exceptions: a manager decides.
 * - No checks planned: `not-needed`.
 */
export function consentToCheck(
  contact: Pick<ContactReceived, 'consent' | 'source' | 'channel' | 'requestType' | 'concern'>,
  profile: Pick<PolicyProfile, 'consent'>,
  checksPlanned: boolean,
): ConsentDecision {
  const status = contact.consent.status;
  if (!checksPlanned) return { status, outcome: 'not-needed', exception: null, rationale: null };
  if (status === 'given')
    return { status, outcome: 'consent-given', exception: null, rationale: RATIONALES.consentGiven };

  const earlyHelp = contact.requestType === 'early-help';
  if (earlyHelp && profile.consent.earlyHelpRequiresConsent)
    return {
      status,
      outcome: 'awaiting-decision',
      exception: null,
      rationale: RATIONALES.consentAwaitingEarlyHelp,
    };

  const exception = consentException(contact, profile);
  if (exception) {
    return {
      status,
      outcome: 'exception',
      exception,
      rationale:
        exception === 'immediate-danger'
          ? RATIONALES.consentExceptionImmediateDanger
          : RATIONALES.consentExceptionPolice,
    };
  }
  return { status, outcome: 'awaiting-decision', exception: null, rationale: RATIONALES.consentAwaiting };
}

/** A police referral or notification: from the police, or on the police-notification channel. */
export function isPoliceContact(contact: Pick<ContactReceived, 'source' | 'channel'>): boolean {
  return contact.source === 'police' || contact.channel === 'police-notification';
}

function consentException(
  contact: Pick<ContactReceived, 'source' | 'channel' | 'concern'>,
  profile: Pick<PolicyProfile, 'consent'>,
): ConsentException | null {
  const allowed = profile.consent.exceptions;
  if (allowed.includes('immediate-danger') && contact.concern.immediateDanger === true)
    return 'immediate-danger';
  if (allowed.includes('police-notification') && isPoliceContact(contact)) return 'police-notification';
  return null;
}
