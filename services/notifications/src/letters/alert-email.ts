import type { AlertKind, ContactScreened, DecisionRecorded } from '@mash/contracts';
import type { NotificationSettings } from '@mash/policy';
import { hubContactParagraph, letterDate, listOfNames } from './outcome-letter';

const WHY: Record<AlertKind, string> = {
  lado: 'it raises concerns about an adult who works or volunteers with children (an allegation for the LADO)',
  'allocated-worker': 'a child it is about has you as their allocated worker',
  'previous-team': 'a child it is about was recently known to your team',
  'lead-professional': 'a child it is about has you as their lead professional',
  'mash-manager': 'screening asks for a MASH manager to look at it',
  'advice-summary': 'it is a consultation',
  'missing-details': 'the referral did not give all of a child’s details',
};

/**
 * An alert screening asks for, emailed to the team or worker in the hub's directory. It carries the
 * reference and what the referrer told the MASH (the children's names and the concern as given), never
 * anything an agency shared: agencies' items, shareable or not, are on the MASH record, and the alert
 * says to ask the MASH for them.
 */
export function alertEmail(
  alert: { kind: AlertKind; dueAt: string; childIndex?: number | null },
  screened: ContactScreened,
  hubName: string,
  settings: NotificationSettings,
): { subject: string; text: string } {
  const contact = screened.contact;
  const children =
    alert.childIndex != null && contact.children[alert.childIndex]
      ? [contact.children[alert.childIndex]]
      : contact.children;
  const names = children.map((child) => `${child.givenName} ${child.familyName}`);
  const referrer = [contact.referrer.name, contact.referrer.organisation].filter(Boolean).join(', ');
  return alertText({
    kind: alert.kind,
    reference: contact.reference,
    receivedAt: contact.receivedAt,
    dueAt: alert.dueAt,
    names,
    referrer,
    concern: contact.concern.summary,
    hubName,
    settings,
  });
}

/** The LADO alert a LADO outcome sends when screening did not already (Croydon 10). */
export function ladoAlertForDecision(
  decision: DecisionRecorded,
  hubName: string,
  settings: NotificationSettings,
): { subject: string; text: string } {
  return alertText({
    kind: 'lado',
    reference: decision.reference,
    receivedAt: decision.contactReceivedAt ?? decision.decidedAt,
    dueAt: decision.decidedAt,
    names: decision.children.map((child) => `${child.givenName} ${child.familyName}`),
    referrer: [decision.referrer.name, decision.referrer.organisation].filter(Boolean).join(', '),
    concern: null,
    hubName,
    settings,
  });
}

function alertText(input: {
  kind: AlertKind;
  reference: string;
  receivedAt: string;
  dueAt: string;
  names: string[];
  referrer: string;
  concern: string | null;
  hubName: string;
  settings: NotificationSettings;
}): { subject: string; text: string } {
  const reach = hubContactParagraph(input.hubName, input.settings.hubContact);
  const text = [
    `The ${input.hubName} received a contact on ${letterDate(input.receivedAt)} (reference ${input.reference}). ` +
      `You are alerted because ${WHY[input.kind]}.`,
    '',
    `About: ${listOfNames(input.names)}.`,
    `Made by: ${input.referrer}.`,
    ...(input.concern ? ['', 'The concern as the referrer gave it:', input.concern] : []),
    '',
    `For what partner agencies shared, and to discuss it, contact the ${input.hubName} quoting reference ${input.reference}.` +
      (reach ? ` ${reach}` : ''),
    '',
    input.hubName,
    '',
  ].join('\n');
  return { subject: `MASH alert: reference ${input.reference}`, text };
}
