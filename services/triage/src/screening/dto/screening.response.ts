import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  Agency,
  RAG_RATINGS,
  RagRating,
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
}

export class ScreeningResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'date-time' }) screenedAt!: string;
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty({ description: 'Which screening rule fired' }) rationale!: string;
  @ApiProperty({ type: [SocialCareIndexResultResponse] }) socialCareIndex!: SocialCareIndexResultResponse[];
  @ApiProperty({ type: [RequestedCheckResponse] }) checks!: RequestedCheckResponse[];
}
