import type { ContactReceived } from '@mash/contracts';
import type { NotificationSettings } from '@mash/policy';
import { hubContactParagraph, letterDate } from './outcome-letter';

/**
 * The referrer's acknowledgement (Northamptonshire Appendix D 2.11): the reference, what happens next and
 * whom to call if a child is in danger, and nothing else about the child: not even a name, since the
 * address it goes to may be mistyped. Built from the referrer's name and the reference only.
 */
export function acknowledgementEmail(
  contact: ContactReceived,
  hubName: string,
  settings: NotificationSettings,
): { subject: string; text: string } {
  const reach = hubContactParagraph(hubName, settings.hubContact);
  const text = [
    `Dear ${contact.referrer.name},`,
    '',
    `The ${hubName} received your contact on ${letterDate(contact.receivedAt)}. Its reference is ${contact.reference}; ` +
      'please quote it if you get in touch about it.',
    '',
    'What happens next: the information is screened and, where needed, checked with partner agencies, and a ' +
      'decision maker decides what should happen. We will tell you the outcome.',
    '',
    'If a child is in immediate danger, call the police on 999.' + (reach ? ` ${reach}` : ''),
    '',
    hubName,
    '',
  ].join('\n');
  return { subject: `We have received your contact: reference ${contact.reference}`, text };
}
