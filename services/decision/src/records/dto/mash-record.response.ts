import { ApiProperty } from '@nestjs/swagger';
import {
  AdultDetails,
  AGENCIES,
  AwaitedInformation,
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

export class ScreeningView {
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({
    type: () => [SocialCareIndexResult],
    description: 'What the social care index knew, per child',
  })
  socialCareIndex!: SocialCareIndexResult[];
  @ApiProperty() rationale!: string;
  @ApiProperty({ format: 'date-time' }) screenedAt!: string;
}

export class RagView {
  @ApiProperty({ enum: RAG_RATINGS }) rating!: RagRating;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
  @ApiProperty({ description: 'Who set it: a person id, or `triage` for the screening rating' })
  setBy!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class DeadlinesView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checksDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decisionDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackDueAt!: string | null;
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

export class CheckView {
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiProperty({ enum: CHECK_STATUSES }) status!: CheckStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ type: () => CheckResponseView, nullable: true }) response!: CheckResponseView | null;
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
  @ApiProperty({ type: () => DecisionView, nullable: true }) decision!: DecisionView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackSentAt!: string | null;
}
