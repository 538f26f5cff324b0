import { aContactReceived, aContactScreened, aDecisionRecorded } from '@mash/contracts/testing';
import type { ContactReceived, ContactScreened, DecisionRecorded, NotificationKind } from '@mash/contracts';
import { NOTIFICATION_KINDS } from '@mash/contracts';
import { loadProfile, notificationSettings } from '@mash/policy';
import { TeamDirectory } from '../directory/team-directory';
import { acknowledgementEmail } from '../letters/acknowledgement-email';
import { alertEmail, ladoAlertForDecision } from '../letters/alert-email';
import { renderLetterPdf } from '../letters/letter-pdf';
import { consultationEmail, outcomeEmail } from '../letters/outcome-email';
import {
  consultationSummaryLetter,
  familyOutcomeLetter,
  outcomeLetter,
  outcomeLetterText,
} from '../letters/outcome-letter';
import { alertsFor, notificationsForDecision } from './who-is-told';

// pdf-parse's index runs a self-test when loaded; its lib entry does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** A mash-only item, as it sits on the MASH record: it must reach no notification of any kind. */
const MASH_ONLY = 'MASH-ONLY police intelligence: the father is a suspect in an open investigation';
const HUB = 'Example MASH';
const settings = notificationSettings(loadProfile('croydon'));

/** The record's agency items carried along on a message, as a careless sender might. */
function withRecordItems<T extends object>(message: T): T {
  return Object.assign(message, {
    checks: [
      {
        agency: 'police',
        response: { analysis: MASH_ONLY, items: [{ summary: MASH_ONLY, classification: 'mash-only' }] },
      },
    ],
    items: [{ summary: MASH_ONLY, classification: 'mash-only' }],
    rationale: MASH_ONLY,
  });
}

const decision = (overrides: Partial<DecisionRecorded> = {}) =>
  withRecordItems(
    aDecisionRecorded({
      family: [{ name: 'Beth Example', role: 'parent', relationship: 'mother', phone: '020 7946 0001' }],
      adviceGiven: 'Speak to the school nurse first.',
      ...overrides,
    }),
  );
const contact = (): ContactReceived => withRecordItems(aContactReceived());
const screened = (): ContactScreened =>
  withRecordItems(
    aContactScreened({
      contact: contact(),
      alerts: [{ kind: 'lado', childIndex: null, to: null, dueAt: '2024-03-05T10:00:00.000Z' }],
    }),
  );
const pdfText = async (letter: Parameters<typeof renderLetterPdf>[0]) =>
  (await pdfParse(await renderLetterPdf(letter, new Date('2024-03-04T15:30:00.000Z')))).text;

/** Everything each kind of notification puts in front of someone: email text, subject, letter text, call list. */
const WHAT_EACH_KIND_SAYS: Record<NotificationKind, () => Promise<string[]>> = {
  acknowledgement: async () => Object.values(acknowledgementEmail(contact(), HUB, settings)),
  'outcome-email': async () => [
    ...Object.values(outcomeEmail(decision({ outcome: 'no-further-action' }), HUB)),
    await pdfText(
      outcomeLetter(decision({ outcome: 'no-further-action' }), HUB, { hubContact: settings.hubContact }),
    ),
  ],
  'outcome-letter': async () => [
    outcomeLetterText(outcomeLetter(decision(), HUB)),
    outcomeLetterText(
      familyOutcomeLetter(decision({ outcome: 'early-help' }), { name: 'Beth Example' }, HUB),
    ),
    await pdfText(familyOutcomeLetter(decision({ outcome: 'early-help' }), { name: 'Beth Example' }, HUB)),
  ],
  'phone-task': async () =>
    notificationsForDecision(
      decision({ outcome: 's47-strategy-discussion' }),
      settings,
      {
        outcome: new Date(),
        phoneCall: new Date(),
        consultationSummary: new Date(),
      },
      false,
    ).map((task) => JSON.stringify(task)),
  alert: async () => [
    ...Object.values(alertEmail(screened().alerts![0], screened(), HUB, settings)),
    ...Object.values(ladoAlertForDecision(decision({ outcome: 'lado' }), HUB, settings)),
    ...alertsFor(
      screened(),
      new TeamDirectory([{ name: 'LADO', alert: 'lado', email: 'lado@x.example' }]),
    ).map((alert) => JSON.stringify(alert)),
  ],
  'consultation-summary': async () => [
    ...Object.values(consultationEmail(decision({ requestType: 'advice' }), HUB)),
    outcomeLetterText(consultationSummaryLetter(decision({ requestType: 'advice' }), HUB)),
    await pdfText(consultationSummaryLetter(decision({ requestType: 'advice' }), HUB)),
  ],
};

describe('no mash-only item, and no agency record content, reaches any notification', () => {
  it.each(NOTIFICATION_KINDS)('%s', async (kind) => {
    const said = await WHAT_EACH_KIND_SAYS[kind]();
    expect(said.length).toBeGreaterThan(0);
    for (const text of said) {
      expect(text).not.toContain('MASH-ONLY');
      expect(text).not.toContain('suspect');
    }
  });

  it('still says what it should (the test would not pass on empty output)', async () => {
    expect((await WHAT_EACH_KIND_SAYS.acknowledgement()).join(' ')).toContain(aContactReceived().reference);
    expect((await WHAT_EACH_KIND_SAYS['consultation-summary']()).join(' ')).toContain(
      'Speak to the school nurse',
    );
    expect((await WHAT_EACH_KIND_SAYS['phone-task']()).join(' ')).toContain('020 7946 0001');
  });
});
