import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { RAG_RATINGS, type RagRating } from '@mash/contracts';
import { RECORD_STATUSES, type RecordStatus } from '../record-status';

export const WORK_LIST_MAX = 1_000;
export const WORK_LIST_SORTS = ['received', 'deadline'] as const;
export type WorkListSort = (typeof WORK_LIST_SORTS)[number];

/** `GET /contacts?status=&rag=&overdue=`: every filter is optional; an unknown value is refused by name. */
export class WorkListQuery {
  @ApiPropertyOptional({ enum: RECORD_STATUSES }) @IsOptional() @IsIn(RECORD_STATUSES) status?: RecordStatus;
  @ApiPropertyOptional({ enum: RAG_RATINGS }) @IsOptional() @IsIn(RAG_RATINGS) rag?: RagRating;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: a check still owed is past its due time, or the decision (or leaving the hub) is; false: none is',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
  @ApiPropertyOptional({
    enum: WORK_LIST_SORTS,
    description:
      'received: oldest contact first (the default); deadline: soonest deadline first (the default with overdue=true)',
  })
  @IsOptional()
  @IsIn(WORK_LIST_SORTS)
  sort?: WorkListSort;
  @ApiPropertyOptional({ minimum: 1, maximum: WORK_LIST_MAX, default: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(WORK_LIST_MAX)
  limit?: number;
}
