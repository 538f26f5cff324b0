import {
  aContactReceived,
  aContactScreened,
  aDecisionRecorded,
  aLetterRecipient,
} from '@mash/contracts/testing';
import type { DecisionRecorded, FamilyRecipient, Outcome } from '@mash/contracts';
import { OUTCOMES } from '@mash/contracts';
import { DEFAULT_NOTIFICATION_SETTINGS, loadProfile, notificationSettings } from '@mash/policy';
import { TeamDirectory } from '../directory/team-directory';
import { acknowledgementFor, alertsFor, familyToTell, notificationsForDecision } from './who-is-told';

const due = {
  outcome: new Date('2024-03-05T15:30:00.000Z'),
  phoneCall: new Date('2024-03-05T12:00:00.000Z'),
  consultationSummary: new Date('2024-03-06T15:30:00.000Z'),
};
const mother: FamilyRecipient = {
  name: 'Beth Jones',
  role: 'parent',
  relationship: 'mother',
  phone: '020 7946 0001',
};
const father: FamilyRecipient = { name: 'Carl Jones', role: 'parent', relationship: 'father', phone: null };
const olderSister: FamilyRecipient = { name: 'Dee Jones', role: 'young-person', relationship: 'sister' };
const northamptonshire = notificationSettings(loadProfile('northamptonshire'));
const croydon = notificationSettings(loadProfile('croydon'));

function decided(overrides: Partial<DecisionRecorded> = {}): DecisionRecorded {
  return aDecisionRecorded({
    family: [mother, father],
    referrer: aLetterRecipient({ phone: '020 7946 0000' }),
    ...overrides,
  });
}
const summary = (planned: ReturnType<typeof notificationsForDecision>) =>
  planned.map((n) => `${n.kind}:${n.recipient}:${n.channel}:${n.status}`);

describe('who hears what about a decision', () => {
  it.each(['no-further-action', 'early-help', 's17-assessment'] as Outcome[])(
    '%s: the referrer by email with the letter, each parent by letter (Northamptonshire 9(a)-(c))',
    (outcome) => {
      const planned = notificationsForDecision(decided({ outcome }), northamptonshire, due, false);
      expect(summary(planned)).toEqual([
        'outcome-email:referrer:email:queued',
        'outcome-letter:family:post:ready-to-post',
        'outcome-letter:family:post:ready-to-post',
      ]);
      expect(planned.filter((n) => n.recipient === 'family').map((n) => n.familyMember?.name)).toEqual([
        'Beth Jones',
        'Carl Jones',
      ]);
      expect(planned.every((n) => n.dueAt === due.outcome)).toBe(true);
    },
  );

  it('a strategy discussion: no letter and no email to anyone, a phone task for the referrer and one for the family (Northamptonshire 9(d))', () => {
    for (const settings of [northamptonshire, croydon, DEFAULT_NOTIFICATION_SETTINGS]) {
      const planned = notificationsForDecision(
        decided({ outcome: 's47-strategy-discussion' }),
        settings,
        due,
        false,
      );
      expect(summary(planned)).toEqual(['phone-task:referrer:phone:to-do', 'phone-task:family:phone:to-do']);
      expect(planned.some((n) => n.channel !== 'phone' || n.emailTo || n.document !== 'none')).toBe(false);
      expect(planned[0].callList).toEqual([
        { name: 'Sam Teacher', relationship: 'Example Primary School', phone: '020 7946 0000' },
      ]);
      expect(planned[1].callList).toEqual([
        { name: 'Beth Jones', relationship: 'mother', phone: '020 7946 0001' },
        { name: 'Carl Jones', relationship: 'father', phone: null },
      ]);
      expect(planned.every((n) => n.dueAt === due.phoneCall)).toBe(true);
    }
  });

  it('a referrer without an email address gets the letter to post', () => {
    const planned = notificationsForDecision(
      decided({ outcome: 'signpost', referrer: aLetterRecipient({ email: null }) }),
      northamptonshire,
      due,
      false,
    );
    expect(summary(planned)).toEqual(['outcome-letter:referrer:post:ready-to-post']);
  });

  it('tells the family of no outcome the profile does not list (a transfer is told by the receiving team)', () => {
    for (const outcome of [
      'transfer-to-allocated-worker',
      'transfer-to-previous-team',
      'lado',
      'signpost',
    ] as Outcome[]) {
      const planned = notificationsForDecision(decided({ outcome }), northamptonshire, due, false);
      expect(planned.filter((n) => n.recipient === 'family')).toEqual([]);
    }
  });

  it('never writes to the family when the decision maker records why not, and keeps the reason (Bexley 22)', () => {
    const reason = 'Telling the parents would prejudice the police enquiry.';
    const letters = notificationsForDecision(
      decided({ outcome: 'early-help', familyNotToldReason: reason }),
      northamptonshire,
      due,
      false,
    );
    expect(summary(letters)).toEqual([
      'outcome-email:referrer:email:queued',
      'outcome-letter:family:post:withheld',
    ]);
    expect(letters[1]).toMatchObject({ reason, document: 'none' });
    expect(letters[1].familyMember).toBeUndefined();
    const calls = notificationsForDecision(
      decided({ outcome: 's47-strategy-discussion', familyNotToldReason: reason }),
      northamptonshire,
      due,
      false,
    );
    expect(summary(calls)).toEqual(['phone-task:referrer:phone:to-do', 'phone-task:family:phone:withheld']);
    expect(calls[1]).toMatchObject({ reason, callList: [] });
  });

  it('holds the referrer’s LADO outcome until the LADO has been told, and not once it has', () => {
    expect(summary(notificationsForDecision(decided({ outcome: 'lado' }), croydon, due, false))).toEqual([
      'outcome-email:referrer:email:waiting',
    ]);
    expect(notificationsForDecision(decided({ outcome: 'lado' }), croydon, due, false)[0].waitingFor).toBe(
      'lado-alert',
    );
    expect(summary(notificationsForDecision(decided({ outcome: 'lado' }), croydon, due, true))).toEqual([
      'outcome-email:referrer:email:queued',
    ]);
  });

  it('a consultation: the summary to the person who asked within the profile’s time, no outcome letter, no family letter (Bexley 5, 6)', () => {
    for (const requestType of ['advice', 'information-request'] as const) {
      const planned = notificationsForDecision(
        decided({ requestType, outcome: 'no-further-action', adviceGiven: 'Speak to the school nurse.' }),
        northamptonshire,
        due,
        false,
      );
      expect(summary(planned)).toEqual(['consultation-summary:referrer:email:queued']);
      expect(planned[0].dueAt).toBe(due.consultationSummary);
    }
  });

  it('an advice call that ends in a strategy discussion is no consultation: the phone tasks stand', () => {
    const planned = notificationsForDecision(
      decided({ requestType: 'advice', outcome: 's47-strategy-discussion' }),
      northamptonshire,
      due,
      false,
    );
    expect(summary(planned)).toEqual(['phone-task:referrer:phone:to-do', 'phone-task:family:phone:to-do']);
  });

  it('tells an anonymous referrer nothing, having no way to reach them', () => {
    for (const outcome of OUTCOMES) {
      const planned = notificationsForDecision(
        decided({ outcome, source: 'anonymous' }),
        northamptonshire,
        due,
        false,
      );
      expect(planned.filter((n) => n.recipient === 'referrer')).toEqual([]);
    }
  });

  it('tells a young person of 16 or 17 only where the profile says so', () => {
    const decision = decided({ family: [mother, olderSister] });
    expect(familyToTell(decision, northamptonshire).map((m) => m.name)).toEqual(['Beth Jones']);
    expect(
      familyToTell(decision, { ...northamptonshire, youngPeopleAged16And17Told: true }).map((m) => m.name),
    ).toEqual(['Beth Jones', 'Dee Jones']);
  });
});

describe('acknowledgement', () => {
  it('goes to the referrer by email, due when the profile says', () => {
    const dueAt = new Date('2024-03-05T09:00:00.000Z');
    expect(acknowledgementFor(aContactReceived(), dueAt)).toMatchObject({
      kind: 'acknowledgement',
      recipient: 'referrer',
      channel: 'email',
      status: 'queued',
      dueAt,
    });
  });

  it('is not sent to an anonymous referrer or one with no email address', () => {
    const dueAt = new Date();
    expect(acknowledgementFor(aContactReceived({ source: 'anonymous' }), dueAt)).toBeUndefined();
    const caller = aContactReceived();
    caller.referrer = { ...caller.referrer, email: null };
    expect(acknowledgementFor(caller, dueAt)).toBeUndefined();
  });
});

describe('alerts', () => {
  const directory = new TeamDirectory([
    { name: 'Croydon LADO', alert: 'lado', email: 'lado@council.example' },
    { name: 'Assessment Team B', email: 'team-b@council.example' },
    { name: 'Pat Worker' },
  ]);

  it('emails each alert to its address in the directory, by the team it names or by its kind', () => {
    const screened = aContactScreened({
      alerts: [
        { kind: 'lado', childIndex: null, to: null, dueAt: '2024-03-05T10:00:00.000Z' },
        { kind: 'previous-team', childIndex: 0, to: 'assessment  team b', dueAt: '2024-03-05T11:00:00.000Z' },
      ],
    });
    expect(
      alertsFor(screened, directory).map((n) => [n.recipient, n.status, n.emailTo, n.alertIndex]),
    ).toEqual([
      ['lado', 'queued', 'lado@council.example', 0],
      ['previous-team', 'queued', 'team-b@council.example', 1],
    ]);
  });

  it('leaves an alert to a team with no address to be sent by hand, and says so', () => {
    const screened = aContactScreened({
      alerts: [
        { kind: 'allocated-worker', childIndex: 0, to: 'Pat Worker', dueAt: '2024-03-05T10:00:00.000Z' },
        { kind: 'lead-professional', childIndex: 0, to: 'Unknown Team', dueAt: '2024-03-05T10:00:00.000Z' },
      ],
    });
    const planned = alertsFor(screened, directory);
    expect(planned.map((n) => n.status)).toEqual(['send-by-hand', 'send-by-hand']);
    expect(planned[0].reason).toContain('send it by hand');
    expect(planned[1].reason).toContain('"Unknown Team"');
  });

  it('leaves the advice summary to the consultation summary sent once the advice is recorded', () => {
    const screened = aContactScreened({
      alerts: [{ kind: 'advice-summary', childIndex: null, to: null, dueAt: '2024-03-05T10:00:00.000Z' }],
    });
    expect(alertsFor(screened, directory)).toEqual([]);
  });
});
