import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Address,
  ApproximateAge,
  GENDERS,
  type Gender,
  INDEX_MATCHES,
  type IndexMatch,
  MATCH_CONFIDENCES,
  type MatchConfidence,
  SOCIAL_CARE_STATUSES,
  type SocialCareStatus,
} from '@mash/contracts';
import { INDEX_REVIEW_DECISIONS, type IndexReviewDecision } from '../index-match-review';

/** A contact held for review, on the work list: ids and counts only. */
export class IndexMatchSummaryResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ['awaiting-review', 'screened'] }) status!: 'awaiting-review' | 'screened';
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When screening held it for a contact officer' })
  heldAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) screenedAt!: string | null;
  @ApiProperty({ description: 'Children whose possible matches are not all reviewed yet' })
  childrenToReview!: number;
  @ApiProperty({ description: 'Possible matches not yet reviewed' }) candidatesToReview!: number;
}

/** The index's record, for the contact officer to compare with the child as referred. */
export class IndexRecordView {
  @ApiProperty() recordId!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ type: [String] }) otherNames!: string[];
  @ApiPropertyOptional({ format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty() unborn!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true }) expectedDueDate!: string | null;
  @ApiPropertyOptional({ enum: GENDERS, nullable: true }) gender!: Gender | null;
  @ApiPropertyOptional({ type: Address, nullable: true }) address!: Address | null;
  @ApiProperty({ enum: SOCIAL_CARE_STATUSES }) status!: SocialCareStatus;
  @ApiPropertyOptional({ nullable: true }) allocatedWorker!: string | null;
  @ApiPropertyOptional({ nullable: true }) team!: string | null;
}

export class IndexCandidateView {
  @ApiProperty() recordId!: string;
  @ApiProperty({ enum: MATCH_CONFIDENCES }) confidence!: MatchConfidence;
  @ApiProperty({ description: '0..1: the possible-match line is 0.5, the match line 0.9' }) score!: number;
  @ApiProperty({
    type: [String],
    description:
      'Why, in words, as the agency nodes give them ("given name is a short form or other form of the same name")',
  })
  reasons!: string[];
  @ApiProperty({ enum: INDEX_MATCHES, description: 'How the record counts once confirmed' })
  match!: IndexMatch;
  @ApiPropertyOptional({ enum: INDEX_REVIEW_DECISIONS, nullable: true }) review!: IndexReviewDecision | null;
  @ApiPropertyOptional({ nullable: true, description: "The reviewer's token subject" }) reviewedBy!:
    string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiPropertyOptional({
    type: IndexRecordView,
    nullable: true,
    description: 'Null if the record has left the index since',
  })
  record!: IndexRecordView | null;
}

/** The child as the referral gave them (null once the contact is screened: it is not kept). */
export class ChildAsReferredView {
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ type: [String] }) otherNames!: string[];
  @ApiPropertyOptional({ format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiPropertyOptional({ type: ApproximateAge, nullable: true }) approximateAge!: ApproximateAge | null;
  @ApiProperty() unborn!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true }) expectedDueDate!: string | null;
  @ApiPropertyOptional({ type: Address, nullable: true }) address!: Address | null;
}

export class ChildUnderReviewView {
  @ApiProperty() childIndex!: number;
  @ApiProperty({ description: 'A record confirmed, or every possible match rejected' }) settled!: boolean;
  @ApiPropertyOptional({ type: ChildAsReferredView, nullable: true }) child!: ChildAsReferredView | null;
  @ApiProperty({ type: [IndexCandidateView], description: 'Best first' }) candidates!: IndexCandidateView[];
}

/** `GET /index-matches/{contactId}`: a held contact's children and their possible matches. */
export class IndexMatchResponse extends IndexMatchSummaryResponse {
  @ApiProperty({ type: [ChildUnderReviewView] }) children!: ChildUnderReviewView[];
}
