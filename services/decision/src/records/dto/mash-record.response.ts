import { ApiProperty } from '@nestjs/swagger';
import {
  AdultDetails,
  AGENCIES,
  AwaitedInformation,
  ALERT_KINDS,
  CONSENT_EXCEPTIONS,
  CONSENT_OUTCOMES,
  CONSENT_STATUSES,
  type AlertKind,
  type ConsentException,
  type ConsentOutcome,
  type ConsentStatus,
  CheckMatch,
  ChildDetails,
  Concern,
  Consent,
  CONTACT_CHANNELS,
  CONTACT_SOURCES,
  ITEM_CLASSIFICATIONS,
  OUTCOMES,
  RAG_RATINGS,
  Referrer,
  REQUEST_TYPES,
  SCREENING_ROUTES,
  SocialCareIndexResult,
  type Agency,
  type ContactChannel,
  type ContactSource,
  type ItemClassification,
  type Outcome,
  type RagRating,
  type RequestType,
  type ScreeningRoute,
} from '@mash/contracts';
import { CHECK_STATUSES, RECORD_STATUSES, type CheckStatus, type RecordStatus } from '../record-status';
import { CONSENT_DECISIONS, type ConsentDecisionKind } from '../../consent/consent-decision.entity';
import { RAG_SOURCES, type RagSource } from '../../rag/rag-change.entity';
import { CHILD_KEY_KINDS, type ChildKeyKind } from '../../repeats/record-child-key.entity';
import { DEADLINE_CAUSES, type DeadlineCause } from '../../timescales/deadline-change.entity';
import { DEADLINE_VIEW_STATUSES, type DeadlineViewStatus } from '../../timescales/deadline-status';

export class ContactView {
  @ApiProperty({ type: () => Referrer }) referrer!: Referrer;
  @ApiProperty({ type: () => [ChildDetails] }) children!: ChildDetails[];
  @ApiProperty({ type: () => [AdultDetails] }) adults!: AdultDetails[];
  @ApiProperty({ type: () => Concern }) concern!: Concern;
  @ApiProperty({ type: () => Consent }) consent!: Consent;
  @ApiProperty({ enum: CONTACT_SOURCES }) source!: ContactSource;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: ContactChannel;
  @ApiProperty({ enum: REQUEST_TYPES }) requestType!: RequestType;
}

/** One child's own screening ("think family": every child is screened). */
export class ChildScreeningView {
  @ApiProperty({ description: "Position of the child in the contact's children" }) childIndex!: number;
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty() rationale!: string;
}

export class ScreeningView {
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({
    type: () => [SocialCareIndexResult],
    description: 'What the social care index knew, per child',
  })
  socialCareIndex!: SocialCareIndexResult[];
  @ApiProperty() rationale!: string;
  @ApiProperty({ format: 'date-time' }) screenedAt!: string;
  @ApiProperty({ type: () => [ChildScreeningView], description: 'Each child screened on its own' })
  children!: ChildScreeningView[];
}

export class RagHistoryEntry {
  @ApiProperty({ enum: RAG_RATINGS, description: 'The rating after this entry' }) rating!: RagRating;
  @ApiProperty({ enum: RAG_RATINGS, nullable: true }) previous!: RagRating | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: RAG_SOURCES }) source!: RagSource;
  @ApiProperty({ description: "A person's id, `triage`, or the escalating agency's practitioner" })
  setBy!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ enum: AGENCIES, nullable: true, description: 'The agency that escalated' })
  agency!: Agency | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) checkId!: string | null;
  @ApiProperty({
    enum: RAG_RATINGS,
    nullable: true,
    description: 'What the escalating agency asked for (a rating is never lowered by an escalation)',
  })
  requested!: RagRating | null;
}

export class RagView {
  @ApiProperty({ enum: RAG_RATINGS }) rating!: RagRating;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
  @ApiProperty({ description: 'Who set it: a person id, or `triage` for the screening rating' })
  setBy!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({
    type: () => [RagHistoryEntry],
    description: 'Every rating the record has had, oldest first',
  })
  history!: RagHistoryEntry[];
}

export class DeadlineView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was met' })
  metAt!: string | null;
  @ApiProperty({
    enum: DEADLINE_VIEW_STATUSES,
    description:
      'met: done by the due time; missed: done late, or not done and past due; pending: not done, not yet due; ' +
      'not-applicable: nothing is owed (e.g. no check is asked)',
  })
  status!: DeadlineViewStatus;
}

export class AlertView {
  @ApiProperty({ enum: ALERT_KINDS }) kind!: AlertKind;
  @ApiProperty({ type: Number, nullable: true }) childIndex!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'A worker or team, never a child' }) to!:
    string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was sent' })
  sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who recorded it as sent' }) sentBy!:
    string | null;
  @ApiProperty({
    enum: DEADLINE_VIEW_STATUSES,
    description: 'met, missed or pending, as for the other deadlines',
  })
  status!: DeadlineViewStatus;
}

export class CheckDueAtView {
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
}

export class DeadlineHistoryEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: DEADLINE_CAUSES }) cause!: DeadlineCause;
  @ApiProperty({ description: "A person's id, `triage`, or an agency's practitioner" }) changedBy!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checksDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decisionDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaveHubBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackDueAt!: string | null;
  @ApiProperty({ type: () => [CheckDueAtView] }) checks!: CheckDueAtView[];
}

export class DeadlinesView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checksDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decisionDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackDueAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'No contact stays in the hub after this (Northamptonshire Appendix C)',
  })
  leaveHubBy!: string | null;
  @ApiProperty({ type: () => DeadlineView, description: 'Every check still counted has answered' })
  checks!: DeadlineView;
  @ApiProperty({ type: () => DeadlineView, description: 'The decision is recorded' }) decision!: DeadlineView;
  @ApiProperty({ type: () => DeadlineView, description: 'The contact has left the hub (it is decided)' })
  leaveHub!: DeadlineView;
  @ApiProperty({ type: () => DeadlineView, description: 'The referrer has been told the outcome' })
  feedback!: DeadlineView;
  @ApiProperty({ type: () => [AlertView], description: 'Who screening said must be alerted, and by when' })
  alerts!: AlertView[];
  @ApiProperty({ type: () => [DeadlineHistoryEntry], description: 'Every computation, oldest first' })
  history!: DeadlineHistoryEntry[];
}

export class CheckItemView {
  @ApiProperty({ enum: ITEM_CLASSIFICATIONS }) classification!: ItemClassification;
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiProperty({
    description:
      'True when the item is mash-only and the caller is not a decision maker or team manager: then only its ' +
      'existence and agency are shown, with no summary',
  })
  withheld!: boolean;
  @ApiProperty({ required: false }) summary?: string;
  @ApiProperty({ type: String, required: false, nullable: true }) recordId?: string | null;
  @ApiProperty({ type: String, required: false, nullable: true }) subjectId?: string | null;
}

export class CheckResponseView {
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty() analysis!: string;
  @ApiProperty() noTrace!: boolean;
  @ApiProperty({ type: () => [CheckMatch] }) matches!: CheckMatch[];
  @ApiProperty({ type: () => [CheckItemView] }) items!: CheckItemView[];
  @ApiProperty({ description: "The practitioner's id, or `automatic`" }) respondedBy!: string;
  @ApiProperty({
    description:
      'A partial answer: the agency still awaits what `awaiting` lists; a later answer replaces it',
  })
  partial!: boolean;
  @ApiProperty({
    type: () => [AwaitedInformation],
    description: 'What the agency still awaits, from whom, since when',
  })
  awaiting!: AwaitedInformation[];
}

export class CheckCancellationView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() by!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class CheckView {
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiProperty({ enum: CHECK_STATUSES }) status!: CheckStatus;
  @ApiProperty({ format: 'date-time', description: 'When the check appeared on the record' })
  plannedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was sent to the agency; null while awaiting consent or if it never was',
  })
  requestedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ description: 'It was overdue at some point (kept after it is answered)' }) late!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) overdueSince!: string | null;
  @ApiProperty({ description: 'How many times the agency was chased' }) chases!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastChasedAt!: string | null;
  @ApiProperty({ type: () => CheckCancellationView, nullable: true })
  cancelled!: CheckCancellationView | null;
  @ApiProperty({ type: () => CheckResponseView, nullable: true }) response!: CheckResponseView | null;
}

export class ConsentGivenView {
  @ApiProperty({ enum: CONSENT_STATUSES }) status!: ConsentStatus;
  @ApiProperty({ type: String, nullable: true }) givenBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class ConsentDecisionView {
  @ApiProperty({ enum: CONSENT_DECISIONS }) decision!: ConsentDecisionKind;
  @ApiProperty({ type: String, nullable: true }) rationale!: string | null;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class ConsentView {
  @ApiProperty({ type: () => ConsentGivenView, description: "The referrer's answer" })
  referrer!: ConsentGivenView;
  @ApiProperty({
    enum: CONSENT_OUTCOMES,
    nullable: true,
    description: 'Whether the checks may go ahead; null for records screened before consent was assessed',
  })
  outcome!: ConsentOutcome | null;
  @ApiProperty({
    enum: CONSENT_EXCEPTIONS,
    nullable: true,
    description: 'Why checks went ahead without consent',
  })
  exception!: ConsentException | null;
  @ApiProperty({ type: () => [ConsentDecisionView], description: "Team managers' decisions, oldest first" })
  decisions!: ConsentDecisionView[];
}

export class EscalationView {
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({ enum: RAG_RATINGS }) requested!: RagRating;
  @ApiProperty({ description: 'The rating rose (it is never lowered)' }) raised!: boolean;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() by!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class PreviousContactView {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: RECORD_STATUSES }) status!: RecordStatus;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome!: Outcome | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: [Number], description: "Which of this contact's children were recognised" })
  childIndexes!: number[];
  @ApiProperty({ enum: CHILD_KEY_KINDS, isArray: true }) matchedBy!: ChildKeyKind[];
}

export class DecisionView {
  @ApiProperty({ enum: OUTCOMES }) outcome!: Outcome;
  @ApiProperty({ description: 'Internal to the MASH; never sent to the referrer' }) rationale!: string;
  @ApiProperty({ type: String, nullable: true }) feedbackToReferrer!: string | null;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: String, nullable: true }) signedOffBy!: string | null;
}

/** `GET /contacts/{contactId}` (API.md): the MASH record as the caller may see it. */
export class MashRecordResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ example: 'MASH-20261122-000042' }) reference!: string;
  @ApiProperty({ enum: RECORD_STATUSES }) status!: RecordStatus;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: () => ContactView }) contact!: ContactView;
  @ApiProperty({ type: () => ScreeningView }) screening!: ScreeningView;
  @ApiProperty({ type: () => RagView }) rag!: RagView;
  @ApiProperty({ type: () => DeadlinesView }) deadlines!: DeadlinesView;
  @ApiProperty({ type: () => [CheckView] }) checks!: CheckView[];
  @ApiProperty({ type: () => ConsentView }) consent!: ConsentView;
  @ApiProperty({ type: () => [EscalationView], description: 'Agencies that escalated, oldest first' })
  escalations!: EscalationView[];
  @ApiProperty({
    type: () => [PreviousContactView],
    description: 'Earlier contacts about the same children, newest first',
  })
  previousContacts!: PreviousContactView[];
  @ApiProperty({ type: String, nullable: true, description: 'The policy profile screening applied' })
  profile!: string | null;
  @ApiProperty({ type: () => DecisionView, nullable: true }) decision!: DecisionView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackSentAt!: string | null;
}
