/**
 * Test data for the screening rules (unit specs only; not part of the build). Contacts come from the
 * contract's factories; profiles are the shipped ones, changed only where a test says so.
 */
import { aConcern, aContactReceived, aSocialCareIndexResult } from '@mash/contracts/testing';
import type { Concern, ContactReceived, SocialCareIndexResult } from '@mash/contracts';
import { loadProfile, PolicyProfile, WorkingCalendar } from '@mash/policy';
import type { ScreeningPolicy } from '../screening/rules/screening-policy';
import { screenContact, ScreeningOutcome } from '../screening/rules/screen-contact';

/** Monday 23 November 2026, 10:00 in London (GMT): an ordinary working morning. */
export const MONDAY_MORNING = '2026-11-23T10:00:00.000Z';

export function policyOf(name: string, changes: Partial<PolicyProfile> = {}): ScreeningPolicy {
  const profile = { ...loadProfile(name), ...changes };
  return { profile, calendar: new WorkingCalendar(profile) };
}

/** A safeguarding contact from a school, with consent, received on MONDAY_MORNING unless overridden. */
export function aContact(
  overrides: Partial<ContactReceived> = {},
  concern: Partial<Concern> = {},
): ContactReceived {
  return aContactReceived({
    receivedAt: MONDAY_MORNING,
    ...overrides,
    concern: aConcern({ ...overrides.concern, ...concern }),
  });
}

export const unknownChild = (childIndex = 0): SocialCareIndexResult => ({ childIndex, known: false });

export const openWithWorker = (childIndex = 0, allocatedWorker = 'Sam Worker'): SocialCareIndexResult =>
  aSocialCareIndexResult({
    childIndex,
    status: 'open',
    allocatedWorker,
    team: 'Children in Need Team 2',
    closedAt: null,
  });

export const openToEarlyHelp = (
  childIndex = 0,
  allocatedWorker: string | null = 'Lee Lead',
): SocialCareIndexResult =>
  aSocialCareIndexResult({
    childIndex,
    status: 'early-help-open',
    allocatedWorker,
    team: 'Early Help Team North',
    closedAt: null,
  });

export const closedOn = (closedAt: string, childIndex = 0): SocialCareIndexResult =>
  aSocialCareIndexResult({ childIndex, status: 'closed', team: 'Safeguarding Team 3', closedAt });

/** Whole weeks before an instant, as an ISO string. */
export function weeksBefore(at: string, weeks: number): string {
  return new Date(new Date(at).getTime() - weeks * 7 * 24 * 3_600_000).toISOString();
}

/** Screens a contact as triage would, screened when received unless said otherwise. */
export function screen(
  contact: ContactReceived,
  socialCareIndex: SocialCareIndexResult[] = contact.children.map((_, index) => unknownChild(index)),
  policy: ScreeningPolicy = policyOf('northamptonshire'),
  screenedAt: string = contact.receivedAt,
): ScreeningOutcome {
  return screenContact({ contact, socialCareIndex, screenedAt: new Date(screenedAt) }, policy);
}
