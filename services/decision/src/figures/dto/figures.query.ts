import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** `GET /figures?from=&to=`: the period the counts cover; the last 28 days by default. */
export class FiguresQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default 28 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
