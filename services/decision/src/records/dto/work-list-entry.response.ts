import { ApiProperty } from '@nestjs/swagger';
import {
  AGENCIES,
  RAG_RATINGS,
  SCREENING_ROUTES,
  type Agency,
  type RagRating,
  type ScreeningRoute,
} from '@mash/contracts';
import { CHECK_STATUSES, RECORD_STATUSES, type CheckStatus, type RecordStatus } from '../record-status';

export class CheckSummary {
  @ApiProperty({ enum: AGENCIES }) agency!: Agency;
  @ApiProperty({ enum: CHECK_STATUSES }) status!: CheckStatus;
}

/** One line of the work list: enough to pick the next record, nothing about the people in it. */
export class WorkListEntry {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: RECORD_STATUSES }) status!: RecordStatus;
  @ApiProperty({ enum: RAG_RATINGS }) rag!: RagRating;
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: () => [CheckSummary] }) checks!: CheckSummary[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checksDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decisionDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaveHubBy!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The soonest of: a check still owed, the decision, leaving the hub (null once decided)',
  })
  nextDeadlineAt!: string | null;
  @ApiProperty({ description: 'Checks still owed past their due time' }) overdueChecks!: number;
  @ApiProperty({ description: 'Still waiting for a decision past its decision deadline or leave-hub time' })
  decisionOverdue!: boolean;
  @ApiProperty({ description: 'Alerts screening asked for, unsent past their due time' })
  overdueAlerts!: number;
  @ApiProperty({ description: 'overdueChecks > 0, decisionOverdue, or overdueAlerts > 0' }) overdue!: boolean;
  @ApiProperty({ description: 'Earlier contacts about the same children' }) previousContacts!: number;
}
