import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Address,
  AGENCIES,
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
import { CHECK_STATUSES, type CheckStatus } from '../check.entity';

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
  @ApiPropertyOptional({ description: 'True when the summary is mash-only and the caller is not its agency' })
  withheld?: boolean;
}

/** A record of this agency, as its own practitioners see it. */
export class AgencyRecordView {
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
  @ApiProperty({ type: [RecordFactView] }) facts!: RecordFactView[];
}

export class CheckCandidateView {
  @ApiProperty({ example: 'child-0' }) subjectId!: string;
  @ApiProperty() recordId!: string;
  @ApiProperty({ enum: MATCH_CONFIDENCES }) confidence!: MatchConfidence;
  @ApiProperty({ type: AgencyRecordView, nullable: true, description: 'Null if the record has since gone' })
  record!: AgencyRecordView | null;
}

export class CheckItemView {
  @ApiProperty({ nullable: true, type: String, description: 'Null when withheld from the caller' }) summary!:
    string | null;
  @ApiProperty({ enum: ITEM_CLASSIFICATIONS }) classification!: ItemClassification;
  @ApiProperty({ nullable: true, type: String }) recordId!: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiPropertyOptional() withheld?: boolean;
}

/** The answer as sent to the MASH. */
export class CheckAnswerView {
  @ApiProperty({ format: 'date-time' }) respondedAt!: string;
  @ApiProperty({ description: '`automatic`, or the practitioner who answered' }) respondedBy!: string;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty() noTrace!: boolean;
  @ApiProperty() analysis!: string;
  @ApiProperty({ type: () => [CheckMatch] }) matches!: CheckMatch[];
  @ApiProperty({ type: [CheckItemView] }) items!: CheckItemView[];
}

/** The request, its subjects, the candidate records the node found and the answer sent (API.md). */
export class CheckDetailResponse extends CheckSummaryResponse {
  @ApiProperty() concernSummary!: string;
  @ApiProperty({ type: () => [CheckSubject] }) subjects!: CheckSubject[];
  @ApiProperty({ type: [CheckCandidateView] }) candidates!: CheckCandidateView[];
  @ApiProperty({ type: CheckAnswerView, nullable: true }) response!: CheckAnswerView | null;
}
