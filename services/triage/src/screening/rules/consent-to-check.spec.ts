import { aConsent } from '@mash/contracts/testing';
import { aContact, policyOf, screen } from '../../testing/screening-factories';
import { consentToCheck, isPoliceContact } from './consent-to-check';
import { RATIONALES } from './rationales';

const refused = aConsent({ status: 'refused', givenBy: null, reason: 'Mother does not agree' });
const notSought = aConsent({ status: 'not-sought', givenBy: null, reason: 'Referrer did not ask' });

describe('consent to the checks', () => {
  it('lets the checks go when consent was given', () => {
    const outcome = screen(aContact());
    expect(outcome.consent).toEqual({ status: 'given', outcome: 'consent-given', exception: null });
    expect(outcome.checks.every((check) => check.state === 'requested' && check.dueAt !== null)).toBe(true);
  });

  it('holds the planned checks, sending none, when consent was refused: a manager decides (Bexley 19 and 27; Northamptonshire 6)', () => {
    const outcome = screen(aContact({ consent: refused }));
    expect(outcome.consent).toEqual({ status: 'refused', outcome: 'awaiting-decision', exception: null });
    expect(outcome.checks.map((check) => [check.agency, check.state, check.dueAt])).toEqual([
      ['police', 'awaiting-consent', null],
      ['health', 'awaiting-consent', null],
      ['education', 'awaiting-consent', null],
    ]);
    expect(outcome.deadlines.checksDueAt).toBeNull();
    expect(outcome.rationale).toContain(RATIONALES.consentAwaiting);
  });

  it('holds the checks when consent was not sought', () => {
    expect(screen(aContact({ consent: notSought })).consent.outcome).toBe('awaiting-decision');
  });

  it('lets the checks of a police notification go without consent, naming the exception (Croydon 5: "Police referrals and notifications")', () => {
    const outcome = screen(
      aContact({ source: 'police', channel: 'police-notification', consent: notSought }),
    );
    expect(outcome.consent).toEqual({
      status: 'not-sought',
      outcome: 'exception',
      exception: 'police-notification',
    });
    expect(outcome.checks.every((check) => check.state === 'requested')).toBe(true);
    expect(outcome.rationale).toContain(RATIONALES.consentExceptionPolice);
  });

  it('treats a police referral by email, and a police notification from any source, as the police exception (Croydon 5)', () => {
    expect(isPoliceContact({ source: 'police', channel: 'email' })).toBe(true);
    expect(isPoliceContact({ source: 'other', channel: 'police-notification' })).toBe(true);
    expect(isPoliceContact({ source: 'school', channel: 'portal' })).toBe(false);
  });

  it('lets the checks go without consent when immediate danger was reported, naming that exception first (Bexley 21)', () => {
    const outcome = screen(aContact({ source: 'police', consent: refused }, { immediateDanger: true }));
    expect(outcome.consent).toEqual({
      status: 'refused',
      outcome: 'exception',
      exception: 'immediate-danger',
    });
    expect(outcome.rationale).toContain(RATIONALES.consentExceptionImmediateDanger);
  });

  it('applies only the exceptions the profile lists', () => {
    const policy = policyOf('croydon', {
      consent: { exceptions: ['immediate-danger'], earlyHelpRequiresConsent: true },
    });
    const outcome = screen(
      aContact({ source: 'police', channel: 'police-notification', consent: notSought }),
      undefined,
      policy,
    );
    expect(outcome.consent.outcome).toBe('awaiting-decision');
  });

  it('never lets an early help request proceed without consent, not even with immediate danger or from the police (Bexley 19)', () => {
    const outcome = screen(
      aContact(
        { requestType: 'early-help', source: 'police', channel: 'police-notification', consent: refused },
        { immediateDanger: true },
      ),
      undefined,
      policyOf('bexley'),
    );
    expect(outcome.consent).toEqual({ status: 'refused', outcome: 'awaiting-decision', exception: null });
    expect(outcome.checks.every((check) => check.state === 'awaiting-consent')).toBe(true);
    expect(outcome.rationale).toContain(RATIONALES.consentAwaitingEarlyHelp);
    // Red all the same, and the MASH manager is alerted at once to decide.
    expect(outcome.rag).toBe('red');
    expect(outcome.alerts.map((alert) => alert.kind)).toContain('mash-manager');
  });

  it('applies the usual exceptions to early help where the profile does not require consent for it', () => {
    const policy = policyOf('bexley', {
      consent: { exceptions: ['police-notification', 'immediate-danger'], earlyHelpRequiresConsent: false },
    });
    const outcome = screen(
      aContact({ requestType: 'early-help', source: 'police', consent: refused }),
      undefined,
      policy,
    );
    expect(outcome.consent).toMatchObject({ outcome: 'exception', exception: 'police-notification' });
  });

  it('is not needed when no checks are planned', () => {
    expect(consentToCheck(aContact({ consent: refused }), policyOf('croydon').profile, false)).toEqual({
      status: 'refused',
      outcome: 'not-needed',
      exception: null,
      rationale: null,
    });
  });
});
