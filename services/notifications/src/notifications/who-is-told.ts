import type {
  ContactReceived,
  ContactScreened,
  DecisionRecorded,
  FamilyRecipient,
  NotificationChannel,
  NotificationKind,
  NotificationRecipient,
} from '@mash/contracts';
import type { NotificationSettings } from '@mash/policy';
import type { TeamDirectory } from '../directory/team-directory';
import type { CallListEntry, NotificationStatus } from './notification.entity';

/** Which document a notification carries, built by the service from the message. */
export type DocumentKind = 'outcome' | 'family' | 'consultation' | 'none';

/** One thing to prepare: who is told, how, by when, and in what state it starts. */
export interface PlannedNotification {
  kind: NotificationKind;
  recipient: NotificationRecipient;
  recipientKey: string;
  channel: NotificationChannel;
  status: NotificationStatus;
  dueAt: Date | null;
  emailTo: string | null;
  document: DocumentKind;
  familyMember?: FamilyRecipient;
  callList?: CallListEntry[];
  reason?: string | null;
  alertIndex?: number | null;
  waitingFor?: 'lado-alert' | null;
}

/** When each thing is due, computed by the caller from the profile's timescales and calendar. */
export interface DueTimes {
  outcome: Date;
  phoneCall: Date;
  consultationSummary: Date;
}

/** An advice or information request ending without social care action is a consultation (Bexley 5, 6). */
export function isConsultation(decision: DecisionRecorded): boolean {
  return (
    (decision.requestType === 'advice' || decision.requestType === 'information-request') &&
    (decision.outcome === 'no-further-action' || decision.outcome === 'signpost')
  );
}

/** The family members the profile says are told: parents, and young people of 16 or 17 where it says so. */
export function familyToTell(decision: DecisionRecorded, settings: NotificationSettings): FamilyRecipient[] {
  return (decision.family ?? []).filter(
    (member) => member.role === 'parent' || settings.youngPeopleAged16And17Told,
  );
}

/**
 * Who hears what about a decision (issue 13; DESIGN.md "Who is told what"):
 * - a consultation: a summary to the person who asked, within the profile's time; no outcome letter;
 * - a strategy discussion (s47): no letter and no email to anyone; one phone task for the decision maker
 *   to call the referrer and one to call the family (Northamptonshire 9(d));
 * - otherwise the referrer's outcome, by email with the letter, or by letter to post; for a LADO outcome
 *   it waits until the LADO has been told (the letter says "we have passed it to the LADO");
 * - the family by letter, for the outcomes the profile lists (Northamptonshire 9(a)-(c)), unless the
 *   decision maker recorded why not (Bexley 22): then one withheld entry keeps the reason.
 * An anonymous referrer left no way to be reached, and is told nothing.
 */
export function notificationsForDecision(
  decision: DecisionRecorded,
  settings: NotificationSettings,
  due: DueTimes,
  ladoAlreadyTold: boolean,
): PlannedNotification[] {
  const referrerReachable = decision.source !== 'anonymous';
  const email = decision.referrer.email ?? null;
  const withheldReason = decision.familyNotToldReason?.trim() || null;

  if (isConsultation(decision)) {
    if (!referrerReachable) return [];
    return [
      {
        kind: 'consultation-summary',
        recipient: 'referrer',
        recipientKey: '',
        channel: email ? 'email' : 'post',
        status: email ? 'queued' : 'ready-to-post',
        dueAt: due.consultationSummary,
        emailTo: email,
        document: 'consultation',
      },
    ];
  }

  if (decision.outcome === 's47-strategy-discussion') {
    const planned: PlannedNotification[] = [];
    if (referrerReachable) {
      planned.push(
        phoneTask('referrer', due.phoneCall, [
          {
            name: decision.referrer.name,
            relationship: decision.referrer.organisation ?? 'referrer',
            phone: decision.referrer.phone ?? null,
          },
        ]),
      );
    }
    if (withheldReason) {
      planned.push({ ...phoneTask('family', due.phoneCall, []), status: 'withheld', reason: withheldReason });
    } else {
      const family = familyToTell(decision, settings);
      planned.push(
        phoneTask(
          'family',
          due.phoneCall,
          family.map((member) => ({
            name: member.name,
            relationship: member.relationship ?? member.role,
            phone: member.phone ?? null,
          })),
        ),
      );
    }
    return planned;
  }

  const planned: PlannedNotification[] = [];
  if (referrerReachable) {
    const waiting = decision.outcome === 'lado' && !ladoAlreadyTold;
    planned.push({
      kind: email ? 'outcome-email' : 'outcome-letter',
      recipient: 'referrer',
      recipientKey: '',
      channel: email ? 'email' : 'post',
      status: waiting ? 'waiting' : email ? 'queued' : 'ready-to-post',
      dueAt: due.outcome,
      emailTo: email,
      document: 'outcome',
      waitingFor: waiting ? 'lado-alert' : null,
    });
  }
  if (settings.familyLetterFor.includes(decision.outcome)) {
    if (withheldReason) {
      planned.push({
        kind: 'outcome-letter',
        recipient: 'family',
        recipientKey: 'family',
        channel: 'post',
        status: 'withheld',
        dueAt: null,
        emailTo: null,
        document: 'none',
        reason: withheldReason,
      });
    } else {
      familyToTell(decision, settings).forEach((member, index) =>
        planned.push({
          kind: 'outcome-letter',
          recipient: 'family',
          recipientKey: `family-${index}`,
          channel: 'post',
          status: 'ready-to-post',
          dueAt: due.outcome,
          emailTo: null,
          document: 'family',
          familyMember: member,
        }),
      );
    }
  }
  return planned;
}

function phoneTask(
  recipient: 'referrer' | 'family',
  dueAt: Date,
  callList: CallListEntry[],
): PlannedNotification {
  return {
    kind: 'phone-task',
    recipient,
    recipientKey: '',
    channel: 'phone',
    status: 'to-do',
    dueAt,
    emailTo: null,
    document: 'none',
    callList,
  };
}

/**
 * The referrer's acknowledgement, due within the profile's time (Northamptonshire Appendix D 2.11: one
 * working day): by email where they gave an address. An anonymous referrer, or one with no address (a
 * caller, told the reference on the phone), gets none.
 */
export function acknowledgementFor(contact: ContactReceived, dueAt: Date): PlannedNotification | undefined {
  const email = contact.referrer.email;
  if (!email || contact.source === 'anonymous') return undefined;
  return {
    kind: 'acknowledgement',
    recipient: 'referrer',
    recipientKey: '',
    channel: 'email',
    status: 'queued',
    dueAt,
    emailTo: email,
    document: 'none',
  };
}

/**
 * The alerts screening asks for, emailed to the directory's address for that team or worker (Croydon 10:
 * the LADO; Croydon 8: the allocated worker); one the directory has no address for is left to be sent by
 * hand, and says so. The advice summary is not an alert here: it is the consultation summary, sent once
 * the advice is recorded; nor is missing-details (the MASH's own task).
 */
export function alertsFor(screened: ContactScreened, directory: TeamDirectory): PlannedNotification[] {
  return (screened.alerts ?? []).flatMap((alert, index): PlannedNotification[] => {
    // The consultation summary is sent once the advice is recorded; a missing-details alert is a task for
    // the MASH's own contact officers, on the MASH record, not an email to anyone outside it.
    if (alert.kind === 'advice-summary' || alert.kind === 'missing-details') return [];
    const entry = directory.find(alert);
    const email = entry?.email ?? null;
    return [
      {
        kind: 'alert',
        recipient: alert.kind,
        recipientKey: `alert-${index}`,
        channel: 'email',
        status: email ? 'queued' : 'send-by-hand',
        dueAt: new Date(alert.dueAt),
        emailTo: email,
        document: 'none',
        alertIndex: index,
        reason: email
          ? null
          : `no email address in the hub's directory for ${alert.to ? `"${alert.to}"` : `the ${alert.kind} alert`}: send it by hand`,
      },
    ];
  });
}
