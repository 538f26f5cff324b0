import { ApiProperty } from '@nestjs/swagger';
import { RAG_RATINGS, SCREENING_ROUTES, type RagRating, type ScreeningRoute } from '@mash/contracts';
import { DEADLINE_STATUSES, type DeadlineStatus } from '../../timescales/deadline-status';
import { RECORD_STATUSES, type RecordStatus } from '../record-status';

/** One contact waiting for a decision at the close of the day: ids and times, nothing about the people. */
export class EndOfDayEntry {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: RECORD_STATUSES, description: 'As it is now' }) status!: RecordStatus;
  @ApiProperty({ enum: RAG_RATINGS, description: 'As it is now' }) rag!: RagRating;
  @ApiProperty({ enum: SCREENING_ROUTES }) route!: ScreeningRoute;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decisionDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaveHubBy!: string | null;
  @ApiProperty({ enum: DEADLINE_STATUSES, description: 'The decision deadline as it stood at `asOf`' })
  decisionDeadline!: DeadlineStatus;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was decided, after the close (null: still waiting)',
  })
  decidedAt!: string | null;
}

/** `GET /contacts/end-of-day` */
export class EndOfDayList {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ format: 'date-time', description: 'The close of the working day (profile working hours)' })
  closesAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The close when it has passed, otherwise now' })
  asOf!: string;
  @ApiProperty({ description: 'The close has passed: the list is what was left at it' }) closed!: boolean;
  @ApiProperty() count!: number;
  @ApiProperty({ type: () => [EndOfDayEntry], description: 'Soonest decision deadline first' })
  contacts!: EndOfDayEntry[];
}
