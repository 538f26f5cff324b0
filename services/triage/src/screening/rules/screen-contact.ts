import type {
  Agency,
  AlertKind,
  ChildDetails,
  ChildScreening,
  ConsentAssessment,
  ContactReceived,
  RagRating,
  RequestedCheckState,
  ScreeningRoute,
  SocialCareIndexResult,
  UnknownChildDetail,
} from '@mash/contracts';
import { adviceSummaryDueAt, agenciesToCheck, alertDueAt, decisionDueAt, subjectIdsFor } from '@mash/policy';
import { adviceOutcome } from './advice-request';
import { allocatedWorkerOf } from './allocated-worker';
import { consentToCheck } from './consent-to-check';
import { leadProfessionalOf } from './early-help-open';
import { needsLado } from './lado-allegation';
import { RATIONALES } from './rationales';
import { recentlyClosedCase } from './recently-closed-case';
import { isRed, RedCriteria, redCriteria } from './red-criteria';
import { screeningDeadlines, ScreeningDeadlines } from './screening-deadlines';
import type { ScreeningPolicy } from './screening-policy';
import { goesToStrategyDiscussion, strategyDiscussionRequestsChecks } from './strategy-discussion';
import { byUrgency, familyOutcome } from './think-family';

/** Someone to tell, and by when. `to` names a worker, a team or a role, never a child. */
export interface Alert {
  kind: AlertKind;
  childIndex: number | null;
  to: string | null;
  dueAt: Date;
}

/** A check screening plans: sent now (`requested`) or held until a manager decides on consent. */
export interface PlannedCheck {
  agency: Agency;
  state: RequestedCheckState;
  /** Null while awaiting consent, or when the profile sets no checks timescale for the rating. */
  dueAt: Date | null;
  /** Whom this agency is asked about (agency-subjects.ts). */
  subjectIds: string[];
}

export interface ScreeningOutcome {
  /** The profile applied (`croydon`, ...). */
  profile: string;
  route: ScreeningRoute;
  rag: RagRating;
  /** Fixed sentences only: the rules that fired. */
  rationale: string;
  children: ChildScreening[];
  alerts: Alert[];
  consent: ConsentAssessment;
  deadlines: ScreeningDeadlines;
  checks: PlannedCheck[];
}

export interface ScreeningInput {
  contact: ContactReceived;
  /** One result per child, by `childIndex`. */
  socialCareIndex: readonly SocialCareIndexResult[];
  /** Now, from the injected clock: when the rating is set. */
  screenedAt: Date;
}

/** The role told when there is no named person: fixed words, so nothing personal leaves in `to`. */
const REFERRER = 'referrer';
const LADO = 'LADO';
const CONTACT_OFFICER = 'contact-officer';

/** What a referral did not know about a child born: the date of birth, and the age too when none was given. */
export function unknownDetailsOf(child: ChildDetails): UnknownChildDetail[] {
  if (child.unborn || child.dateOfBirth) return [];
  return child.approximateAge ? ['date-of-birth'] : ['date-of-birth', 'age'];
}

/**
 * Screens a contact under the hub's profile. Each child is screened on their own (think-family.ts):
 * 1. an information request or advice call with no red criterion ends as signpost or no further action,
 *    with a written summary due to the caller (advice-request.ts); an allocated worker or lead
 *    professional is still told;
 * 2. a child open to social care with an allocated worker goes to that worker (allocated-worker.ts);
 * 3. a child open to early help: the lead professional is alerted, and screening carries on
 *    (early-help-open.ts);
 * 4. a child whose case closed within the recently-closed period goes back to the previous team, green,
 *    unless a red criterion applies (recently-closed-case.ts);
 * 5. a red criterion (immediate danger, the profile's urgent criteria, a non-mobile baby's injury) makes
 *    the child red, for MASH checks or a strategy discussion (red-criteria.ts, strategy-discussion.ts);
 * 6. otherwise MASH checks: amber, or green for a request for early help.
 * Then, for the contact: the LADO is alerted for an allegation against a professional whatever the
 * route (lado-allegation.ts); the MASH manager for a red contact; the agencies to check, whom each is
 * asked about, whether consent lets the checks go now, and the deadlines.
 * Pure: the clock's time comes in `screenedAt`; check ids are the caller's business.
 */
export function screenContact(input: ScreeningInput, policy: ScreeningPolicy): ScreeningOutcome {
  const { contact, screenedAt } = input;
  const { profile, calendar } = policy;
  const receivedAt = new Date(contact.receivedAt);
  const immediateDanger = contact.concern.immediateDanger === true;

  const reds = contact.children.map((child) => redCriteria(contact, child, profile));
  const advice = reds.some(isRed) ? null : adviceOutcome(contact.requestType);
  const alertDue = alertDueAt(profile, calendar, screenedAt);
  // A red case is acted on the day (Northamptonshire 4b): the team is told by the red decision time if sooner.
  const redAlertDue = () =>
    earliest(alertDue, decisionDueAt(profile, calendar, 'red', receivedAt, immediateDanger));

  const alerts: Alert[] = [];
  // Each child's rationale as its sentences, so the contact's can be told once each (rationale-text below).
  const sentencesOf = new Map<number, string[]>();
  const screened = (
    childIndex: number,
    route: ScreeningRoute,
    rag: RagRating,
    sentences: string[],
  ): ChildScreening => {
    sentencesOf.set(childIndex, sentences);
    return { childIndex, route, rag, rationale: sentences.join(' ') };
  };
  const children: ChildScreening[] = contact.children.map((_, childIndex) => {
    const result = input.socialCareIndex.find((candidate) => candidate.childIndex === childIndex);
    if (advice) {
      // The call ends at the front door, but whoever already works with the child hears of it
      // (Northamptonshire Appendix B: "Child has allocated SW or Early help worker. Information sent
      // directly to correct service (24hrs)"; Bexley 3).
      const worker = allocatedWorkerOf(result);
      const lead = leadProfessionalOf(result);
      if (worker) alerts.push({ kind: 'allocated-worker', childIndex, to: worker, dueAt: alertDue });
      if (lead) alerts.push({ kind: 'lead-professional', childIndex, to: lead.to, dueAt: alertDue });
      return screened(childIndex, advice.route, 'green', [advice.rationale]);
    }
    const red = isRed(reds[childIndex]);

    const worker = allocatedWorkerOf(result);
    if (worker) {
      alerts.push({
        kind: 'allocated-worker',
        childIndex,
        to: worker,
        dueAt: red ? redAlertDue() : alertDue,
      });
      return screened(childIndex, 'transfer-to-allocated-worker', red ? 'red' : 'green', [
        red ? RATIONALES.allocatedWorkerRed : RATIONALES.allocatedWorker,
      ]);
    }

    const sentences: string[] = [];
    const lead = leadProfessionalOf(result);
    if (lead) {
      alerts.push({ kind: 'lead-professional', childIndex, to: lead.to, dueAt: alertDue });
      sentences.push(RATIONALES.earlyHelpOpen);
    }

    const closed = recentlyClosedCase(result, policy, receivedAt);
    if (closed && !red) {
      alerts.push({ kind: 'previous-team', childIndex, to: closed.team, dueAt: alertDue });
      return screened(childIndex, 'transfer-to-previous-team', 'green', [RATIONALES.previousTeam]);
    }
    if (closed) {
      // Green would give a child in danger the slowest timescales: red goes through the MASH, and the
      // previous team, who know the family, are told.
      alerts.push({ kind: 'previous-team', childIndex, to: closed.team, dueAt: redAlertDue() });
      sentences.push(RATIONALES.previousTeamButRed);
    }

    if (red) {
      const strategy = goesToStrategyDiscussion(profile, reds[childIndex].urgentIndicators);
      sentences.unshift(strategy ? RATIONALES.strategyDiscussion : redRationale(reds[childIndex]));
      return screened(childIndex, strategy ? 'strategy-discussion' : 'mash-checks', 'red', sentences);
    }
    const earlyHelp = contact.requestType === 'early-help';
    sentences.unshift(earlyHelp ? RATIONALES.earlyHelpRequest : RATIONALES.amber);
    return screened(childIndex, 'mash-checks', earlyHelp ? 'green' : 'amber', sentences);
  });

  // What the referral did not know: recorded on the child's screening; a contact officer finds it out.
  contact.children.forEach((child, childIndex) => {
    const unknown = unknownDetailsOf(child);
    if (!unknown.length) return;
    const screening = children[childIndex];
    screening.unknown = unknown;
    const sentence = unknown.includes('age')
      ? RATIONALES.unknownDateOfBirthAndAge
      : RATIONALES.unknownDateOfBirth;
    sentencesOf.set(childIndex, [...(sentencesOf.get(childIndex) ?? []), sentence]);
    screening.rationale = rationaleText(sentencesOf.get(childIndex) ?? []);
    alerts.push({ kind: 'missing-details', childIndex, to: CONTACT_OFFICER, dueAt: alertDue });
  });

  const { route, rag } = familyOutcome(children);
  if (needsLado(contact.concern)) alerts.push({ kind: 'lado', childIndex: null, to: LADO, dueAt: alertDue });
  // Northamptonshire Appendix E: brought to the MASH manager's attention immediately; Blackburn with
  // Darwen: "Where RAG rated RED Duty Team Manager to be notified".
  if (rag === 'red') alerts.push({ kind: 'mash-manager', childIndex: null, to: null, dueAt: screenedAt });
  if (advice)
    alerts.push({
      kind: 'advice-summary',
      childIndex: null,
      to: REFERRER,
      dueAt: adviceSummaryDueAt(profile, calendar, screenedAt),
    });

  const checksWanted = children.some(
    (child) =>
      child.route === 'mash-checks' ||
      (child.route === 'strategy-discussion' && strategyDiscussionRequestsChecks(profile)),
  );
  const planned = (checksWanted ? agenciesToCheck(profile, contact.concern.categories) : [])
    .map((agency) => ({ agency, subjectIds: subjectIdsFor(agency, contact) }))
    .filter((check) => check.subjectIds.length > 0);
  const { rationale: consentSentence, ...consent } = consentToCheck(contact, profile, planned.length > 0);
  const sendNow = consent.outcome === 'consent-given' || consent.outcome === 'exception';
  const deadlines = screeningDeadlines(policy, rag, { receivedAt, screenedAt }, immediateDanger, sendNow);
  const checks: PlannedCheck[] = planned.map((check) => ({
    ...check,
    state: sendNow ? 'requested' : 'awaiting-consent',
    dueAt: sendNow ? deadlines.checksDueAt : null,
  }));

  const rationale = rationaleText([
    ...byUrgency(children).flatMap((child) => sentencesOf.get(child.childIndex) ?? []),
    ...(needsLado(contact.concern) ? [RATIONALES.lado] : []),
    ...(consentSentence ? [consentSentence] : []),
  ]);
  return {
    profile: profile.id,
    route,
    rag,
    rationale,
    children,
    alerts,
    consent,
    deadlines,
    checks,
  };
}

function redRationale(criteria: RedCriteria): string {
  if (criteria.immediateDanger) return RATIONALES.redImmediateDanger;
  if (criteria.urgentIndicators.length) return RATIONALES.redUrgentCriteria;
  return RATIONALES.redNonMobileBaby;
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** The contract's limit on a rationale (ContactScreened.rationale, ChildScreening.rationale). */
export const RATIONALE_MAX = 2_000;

/**
 * Each sentence once, most urgent child first, then the LADO and consent. A family whose children fire
 * many rules cannot exceed the contract's limit (the message would fail validation and the contact would
 * not be screened): sentences past the limit are left out, the most urgent kept.
 */
export function rationaleText(sentences: readonly string[]): string {
  let text = '';
  for (const sentence of new Set(sentences)) {
    const next = text ? `${text} ${sentence}` : sentence;
    if (next.length > RATIONALE_MAX) continue;
    text = next;
  }
  return text;
}
