import type { ConsentOutcome } from '@mash/contracts';
import type { ConsentDecisionKind } from './consent-decision.entity';

/**
 * What a team manager's consent decision does to a record waiting for one (Croydon 5; Bexley 19, 22
 * and 27; Northamptonshire 6 and 16, "address any outstanding issues of consent"; Blackburn with
 * Darwen, initial screening: "where consent cannot or has not been obtained and the need to share
 * information is required for the safety of the child, consent will be overridden, and this will be
 * clearly recorded"):
 * - override and consent-obtained send the planned checks, and the record waits for them;
 * - proceed-without-checks marks them not required, and the record goes to a decision maker.
 */
export function consentDecisionEffect(decision: ConsentDecisionKind): {
  outcome: ConsentOutcome;
  checks: 'send' | 'not-required';
} {
  switch (decision) {
    case 'override':
      return { outcome: 'overridden', checks: 'send' };
    case 'consent-obtained':
      return { outcome: 'obtained-later', checks: 'send' };
    case 'proceed-without-checks':
      // No check will be made, so consent is no longer needed for one.
      return { outcome: 'not-needed', checks: 'not-required' };
  }
}
