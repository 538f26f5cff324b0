import { aChild, anAdult, anUnbornChild } from '@mash/contracts/testing';
import { BUILT_IN_PROFILES } from '@mash/policy';
import {
  aContact,
  closedOn,
  MONDAY_MORNING,
  openToEarlyHelp,
  openWithWorker,
  policyOf,
  screen,
  unknownChild,
  weeksBefore,
} from '../../testing/screening-factories';
import { RATIONALES } from './rationales';
import { RATIONALE_MAX, rationaleText } from './screen-contact';

/** A family that makes nearly every rule fire at once. */
const busyFamily = aContact(
  {
    source: 'police',
    channel: 'police-notification',
    children: [
      aChild({ givenName: 'Zebedee', familyName: 'Quarrington', dateOfBirth: '2015-02-03' }),
      aChild({ givenName: 'Yolanda', familyName: 'Quarrington', dateOfBirth: '2026-10-10' }),
      aChild({ givenName: 'Xavier', familyName: 'Quarrington', dateOfBirth: '2012-12-12' }),
      aChild({ givenName: 'Wanda', familyName: 'Quarrington', dateOfBirth: '2019-09-09' }),
      anUnbornChild({ familyName: 'Quarrington' }),
    ],
    adults: [anAdult({ givenName: 'Victor', familyName: 'Quarrington' })],
    consent: { status: 'not-sought', givenBy: null, reason: 'Victor Quarrington was not asked' },
  },
  {
    categories: ['physical-abuse', 'domestic-abuse'],
    allegationAgainstProfessional: true,
    urgentIndicators: ['suspicious-injury'],
  },
);
const busyIndex = [
  openToEarlyHelp(0),
  unknownChild(1),
  openWithWorker(2),
  closedOn(weeksBefore(MONDAY_MORNING, 4), 3),
  unknownChild(4),
];

describe('screening a contact', () => {
  it.each(BUILT_IN_PROFILES)(
    'writes a rationale of fixed sentences only, with nothing from the contact (%s)',
    (name) => {
      const outcome = screen(busyFamily, busyIndex, policyOf(name));
      const sentences = Object.values(RATIONALES);
      const texts = [outcome.rationale, ...outcome.children.map((child) => child.rationale)];
      for (const text of texts) {
        expect(text).not.toMatch(/Quarrington|Zebedee|Yolanda|Xavier|Wanda|Victor|2015-02-03|2026-10-10/);
        let rest = text;
        for (const sentence of sentences) rest = rest.split(sentence).join('');
        expect(rest.trim()).toBe('');
      }
      expect(outcome.rationale.length).toBeLessThanOrEqual(2_000);
      for (const alert of outcome.alerts)
        expect(String(alert.to)).not.toMatch(/Quarrington|Zebedee|Yolanda|Xavier|Wanda/);
    },
  );

  it('screens the busy family: red, the MASH manager, LADO, lead professional, worker and previous team alerted, police checks without consent', () => {
    const outcome = screen(busyFamily, busyIndex, policyOf('northamptonshire'));
    expect(outcome.profile).toBe('northamptonshire');
    expect(outcome.children.map((child) => [child.route, child.rag])).toEqual([
      ['mash-checks', 'red'],
      ['mash-checks', 'red'],
      ['transfer-to-allocated-worker', 'red'],
      ['mash-checks', 'red'],
      ['mash-checks', 'red'],
    ]);
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.alerts.map((alert) => alert.kind).sort()).toEqual([
      'allocated-worker',
      'lado',
      'lead-professional',
      'mash-manager',
      'previous-team',
    ]);
    expect(outcome.consent).toEqual({
      status: 'not-sought',
      outcome: 'exception',
      exception: 'police-notification',
    });
  });

  it('says what a referral did not know about a child and asks a contact officer to find out', () => {
    const outcome = screen(
      aContact({
        children: [
          aChild({ dateOfBirth: null, approximateAge: { years: 7 } }),
          aChild({ dateOfBirth: undefined }),
          aChild(),
          anUnbornChild(),
        ],
      }),
    );
    expect(outcome.children.map((child) => child.unknown)).toEqual([
      ['date-of-birth'],
      ['date-of-birth', 'age'],
      undefined,
      undefined,
    ]);
    expect(outcome.alerts.filter((alert) => alert.kind === 'missing-details')).toEqual([
      expect.objectContaining({ childIndex: 0, to: 'contact-officer' }),
      expect.objectContaining({ childIndex: 1, to: 'contact-officer' }),
    ]);
    expect(outcome.children[1].rationale).toContain(RATIONALES.unknownDateOfBirthAndAge);
    expect(outcome.rationale).toContain(RATIONALES.unknownDateOfBirth);
    // Still screened and checked like any child.
    expect(outcome.children[1].route).toBe('mash-checks');
  });

  it('tells each rule once in the contact’s rationale, however many children fire it', () => {
    const children = Array.from({ length: 20 }, (_, index) =>
      aChild({ givenName: `Child${index}`, dateOfBirth: index % 2 ? '2026-10-01' : '2015-01-01' }),
    );
    const index = children.map(
      (_, childIndex) =>
        [
          openToEarlyHelp(childIndex),
          unknownChild(childIndex),
          closedOn(weeksBefore(MONDAY_MORNING, 2), childIndex),
          openWithWorker(childIndex),
        ][childIndex % 4],
    );
    const outcome = screen(
      aContact({ children }, { allegationAgainstProfessional: true }),
      index,
      policyOf('bexley'),
    );
    const sentences = Object.values(RATIONALES).filter((sentence) => outcome.rationale.includes(sentence));
    for (const sentence of sentences) expect(outcome.rationale.split(sentence)).toHaveLength(2);
    expect(outcome.rationale.length).toBeLessThanOrEqual(RATIONALE_MAX);
    expect(outcome.rationale).toContain(RATIONALES.lado);
    expect(outcome.rationale).toContain(RATIONALES.consentGiven);
  });

  it('keeps a rationale within the contract’s limit, the most urgent sentences first', () => {
    const long = 'x'.repeat(1_500);
    expect(rationaleText(['first.', long, 'y'.repeat(600), 'last.', 'first.'])).toBe(`first. ${long} last.`);
  });
});
