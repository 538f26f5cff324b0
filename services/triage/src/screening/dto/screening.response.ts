import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  Agency,
  ALERT_KINDS,
  AlertKind,
  CONSENT_EXCEPTIONS,
  CONSENT_OUTCOMES,
  CONSENT_STATUSES,
  ConsentException,
  ConsentOutcome,
  ConsentStatus,
  RAG_RATINGS,
  RagRating,
  REQUESTED_CHECK_STATES,
  RequestedCheckState,
  SCREENING_ROUTES,
  ScreeningRoute,
  SOCIAL_CARE_STATUSES,
  SocialCareStatus,
} from '@mash/contracts';

export class SocialCareIndexResultResponse {
  @ApiProperty({ description: "Position of the child in the contact's children" }) childIndex!: number;
  @ApiProperty() known!: boolean;
  @ApiPropertyOptional({ nullable: true }) recordId?: string | null;
  @ApiPropertyOptional({ enum: SOCIAL_CARE_STATUSES, nullable: true }) status?: SocialCareStatus | null;
  @ApiPropertyOptional({ nullable: true }) allocatedWorker?: string | null;
  @ApiPropertyOptional({ nullable: true }) team?: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) closedAt?: string | null;
}

export class RequestedCheckResponse {
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiPropertyOptional({
    enum: REQUESTED_CHECK_STATES,
    description: '`awaiting-consent`: planned, not sent until a manager decides on consent',
  })
  state?: RequestedCheckState;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) dueAt?: string | null;
  @ApiPropertyOptional({
    type: [String],
    description: 'Whom this agency is asked about (`child-0`, `adult-1`)',
  })
  subjectIds?: string[];
}

export class ChildScreeningResponse {
  @ApiProperty() childIndex!: number;
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty() rationale!: string;
}

export class ScreeningAlertResponse {
  @ApiProperty({ enum: ALERT_KINDS }) kind!: AlertKind;
  @ApiPropertyOptional({ nullable: true }) childIndex?: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'A worker, team or role; never a child' }) to?:
    string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class ConsentAssessmentResponse {
  @ApiProperty({ enum: CONSENT_STATUSES, description: 'What the referrer said' }) status!: ConsentStatus;
  @ApiProperty({ enum: CONSENT_OUTCOMES }) outcome!: ConsentOutcome;
  @ApiPropertyOptional({ enum: CONSENT_EXCEPTIONS, nullable: true }) exception?: ConsentException | null;
}

export class ScreeningDeadlinesResponse {
  @ApiProperty({ format: 'date-time', nullable: true }) checksDueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) decisionDueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) leaveHubBy!: string | null;
}

export class ScreeningResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'date-time' }) screenedAt!: string;
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty({ description: 'Which screening rules fired' }) rationale!: string;
  @ApiProperty({ type: [SocialCareIndexResultResponse] }) socialCareIndex!: SocialCareIndexResultResponse[];
  @ApiProperty({ type: [RequestedCheckResponse] }) checks!: RequestedCheckResponse[];
  @ApiProperty({ nullable: true, description: 'The policy profile applied (null before profiles)' })
  profile!: string | null;
  @ApiProperty({ type: [ChildScreeningResponse] }) children!: ChildScreeningResponse[];
  @ApiProperty({ type: [ScreeningAlertResponse] }) alerts!: ScreeningAlertResponse[];
  @ApiProperty({ type: ConsentAssessmentResponse, nullable: true })
  consent!: ConsentAssessmentResponse | null;
  @ApiProperty({ type: ScreeningDeadlinesResponse }) deadlines!: ScreeningDeadlinesResponse;
}
