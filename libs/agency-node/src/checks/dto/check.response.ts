import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Address,
  AGENCIES,
  AwaitedInformation,
  CheckMatch,
  CheckSubject,
  CONCERN_CATEGORIES,
  GENDERS,
  ITEM_CLASSIFICATIONS,
  MATCH_CONFIDENCES,
  RAG_RATINGS,
  type Agency,
  type ConcernCategory,
  type Gender,
  type ItemClassification,
  type MatchConfidence,
  type RagRating,
} from '@mash/contracts';
import {
  CANDIDATE_ORIGINS,
  CANDIDATE_REVIEWS,
  type CandidateOrigin,
  type CandidateReview,
} from '../check-candidate.entity';
import { CHECK_STATUSES, type CheckStatus } from '../check.entity';

export const PREVIOUS_ANSWER_LINKS = ['same-person', 'same-record'] as const;
export type PreviousAnswerLink = (typeof PREVIOUS_ANSWER_LINKS)[number];

/** One line of the work list. */
export class CheckSummaryResponse {
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ example: 'MASH-20261120-000042' }) reference!: string;
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiProperty({ enum: RAG_RATINGS, description: "The contact's RAG when the check was requested" })
  rag!: RagRating;
  @ApiProperty({ enum: CHECK_STATUSES }) status!: CheckStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) respondedAt!: string | null;
  @ApiProperty({ enum: CONCERN_CATEGORIES, isArray: true }) concernCategories!: ConcernCategory[];
  @ApiProperty() subjectCount!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      "For an open check with a due time: whole minutes until it is due, by the node's clock; negative once overdue",
  })
  timeLeftMinutes!: number | null;
  @ApiProperty({ description: 'An open check past its due time' })
  overdue!: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When a partial answer was last sent; the check stays open until it is completed',
  })
  partialRespondedAt!: string | null;
  @ApiProperty({
    description: 'Candidate records still waiting for a practitioner to confirm or reject them',
  })
  candidatesToReview!: number;
  @ApiProperty({
    description:
      'Subjects whose namesakes the search could not tell apart without a date of birth (see searchNotes): ' +
      'a practitioner must search for them by hand',
  })
  subjectsToSearchByHand!: number;
  @ApiProperty({ description: 'How many times the hub has chased this check for being overdue' })
  chaseCount!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastChasedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the hub withdrew the check (status cancelled)',
  })
  cancelledAt!: string | null;
}

export class RecordFactView {
  @ApiProperty() factId!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null when withheld from the caller' }) summary!:
    string | null;
  @ApiProperty({ enum: ITEM_CLASSIFICATIONS }) classification!: ItemClassification;
  @ApiProperty({ enum: RAG_RATINGS }) severity!: RagRating;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      "The kind's own fields (police incident type, attendance...); null when withheld from the caller",
  })
  details!: Record<string, unknown> | null;
  @ApiPropertyOptional({ description: 'True when the summary is mash-only and the caller is not its agency' })
  withheld?: boolean;
}

/** A person in this agency's records, as its own practitioners see them. */
export class AgencyPersonView {
  @ApiProperty() recordId!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ type: [String] }) otherNames!: string[];
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ enum: GENDERS, nullable: true }) gender!: Gender | null;
  @ApiProperty({ type: () => Address, nullable: true }) address!: Address | null;
  @ApiProperty({ nullable: true, type: String }) nhsNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) upn!: string | null;
  @ApiProperty({ nullable: true, type: String }) pncId!: string | null;
}

/** A record of this agency with its facts, as its own practitioners see it. */
export class AgencyRecordView extends AgencyPersonView {
  @ApiProperty({ type: [RecordFactView] }) facts!: RecordFactView[];
}

/** A candidate and its review, without the record. */
export class CheckCandidateReviewView {
  @ApiProperty({ example: 'child-0' }) subjectId!: string;
  @ApiProperty() recordId!: string;
  @ApiProperty({ enum: MATCH_CONFIDENCES }) confidence!: MatchConfidence;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'How alike the subject and the record are' })
  score!: number;
  @ApiProperty({
    type: [String],
    description: 'Why the score is what it is (which fields agreed), never values',
  })
  reasons!: string[];
  @ApiProperty({ enum: CANDIDATE_REVIEWS }) review!: CandidateReview;
  @ApiProperty({ nullable: true, type: String, description: 'The practitioner who reviewed it' })
  reviewedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({
    enum: CANDIDATE_ORIGINS,
    description: 'matcher: the node proposed it; practitioner: a practitioner added it from their own search',
  })
  origin!: CandidateOrigin;
}

/** A record the node found for a subject, with its review and the record itself. */
export class CheckCandidateView extends CheckCandidateReviewView {
  @ApiProperty({ type: AgencyRecordView, nullable: true, description: 'Null if the record has since gone' })
  record!: AgencyRecordView | null;
}

export class CheckItemView {
  @ApiProperty({ nullable: true, type: String, description: 'Null when withheld from the caller' }) summary!:
    string | null;
  @ApiProperty({ enum: ITEM_CLASSIFICATIONS }) classification!: ItemClassification;
  @ApiProperty({ nullable: true, type: String }) recordId!: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'The fact the item was written from (kept by the node, never sent); shown to its own practitioners',
  })
  factId?: string | null;
  @ApiPropertyOptional() withheld?: boolean;
}

/** An answer as sent to the MASH. */
export class CheckAnswerView {
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty({ format: 'date-time' }) respondedAt!: string;
  @ApiProperty({ description: '`automatic`, or the practitioner who answered' }) respondedBy!: string;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty() noTrace!: boolean;
  @ApiProperty() analysis!: string;
  @ApiProperty({ type: () => [CheckMatch] }) matches!: CheckMatch[];
  @ApiProperty({ type: [CheckItemView] }) items!: CheckItemView[];
  @ApiProperty({ description: 'A partial answer, completed by a later one' }) partial!: boolean;
  @ApiProperty({ type: () => [AwaitedInformation], description: 'What a partial answer still awaits' })
  awaiting!: AwaitedInformation[];
}

/** An earlier answer of this agency about the same people, on another check (Northamptonshire 12). */
export class PreviousAnswerView extends CheckAnswerView {
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({
    enum: PREVIOUS_ANSWER_LINKS,
    isArray: true,
    description:
      'same-person: a subject of that check is the same person (NHS number, UPN, PNC id, or name and date of birth); ' +
      'same-record: that answer matched a record that is a candidate here',
  })
  linkedBy!: PreviousAnswerLink[];
}

/** An item of the draft, exactly as `POST /checks/{checkId}/response` takes it. */
export class DraftItemView {
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: ITEM_CLASSIFICATIONS }) classification!: ItemClassification;
  @ApiProperty({ nullable: true, type: String }) recordId!: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ nullable: true, type: String }) factId!: string | null;
}

export class SharedBeforeView {
  @ApiProperty() factId!: string;
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'date-time' }) respondedAt!: string;
}

/**
 * A starting point for the practitioner's answer, in the shape `POST /checks/{checkId}/response` takes:
 * the partial answer already sent with the facts of confirmed records it does not yet hold added to it,
 * or, with no partial answer, one item per fact of each confirmed record and the agency's drafted analysis.
 * Nothing is sent until a practitioner posts it.
 */
export class CheckDraftView {
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty() analysis!: string;
  @ApiProperty() noTrace!: boolean;
  @ApiProperty({ type: [String] }) matchedRecordIds!: string[];
  @ApiProperty({ type: [DraftItemView] }) items!: DraftItemView[];
  @ApiProperty({
    type: [SharedBeforeView],
    description:
      'Facts in the draft that this agency already shared about the same people on an earlier check',
  })
  sharedBefore!: SharedBeforeView[];
}

/** The request, its subjects, the candidate records the node found and the answer sent (API.md). */
export class SearchNoteView {
  @ApiProperty() subjectId!: string;
  @ApiProperty({ description: 'Records that agreed on the names and were left out as indistinguishable' })
  namesakesNotReported!: number;
  @ApiProperty({ description: 'What it means for the practitioner' }) note!: string;
}

export class CheckDetailResponse extends CheckSummaryResponse {
  @ApiProperty() concernSummary!: string;
  @ApiProperty({ type: () => [CheckSubject] }) subjects!: CheckSubject[];
  @ApiProperty({ type: [CheckCandidateView] }) candidates!: CheckCandidateView[];
  @ApiProperty({
    type: [SearchNoteView],
    description:
      'Subjects the search could not settle: several records share their names and, without a date of birth, ' +
      'none could be told from the others, so none is a candidate. Not a "no trace".',
  })
  searchNotes!: SearchNoteView[];
  @ApiProperty({
    type: CheckAnswerView,
    nullable: true,
    description: 'The latest answer sent: the complete one, or the latest partial one',
  })
  response!: CheckAnswerView | null;
  @ApiProperty({ type: [CheckAnswerView], description: 'Every answer sent for this check, oldest first' })
  responses!: CheckAnswerView[];
  @ApiProperty({
    type: [PreviousAnswerView],
    description: "This agency's earlier answers about the same people, newest first",
  })
  previousResponses!: PreviousAnswerView[];
  @ApiProperty({
    type: CheckDraftView,
    nullable: true,
    description: "For the agency's own practitioners while the check is open; null otherwise",
  })
  draft!: CheckDraftView | null;
}
