import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@mash/contracts';

/** `GET /contacts/end-of-day?date=`: the day to list; today (Europe/London) when absent. */
export class EndOfDayQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-11-27', description: 'YYYY-MM-DD; default today' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}
