import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CHECK_STATUSES, CheckStatus } from '../check.entity';

export class ListChecksQuery {
  @ApiPropertyOptional({
    enum: CHECK_STATUSES,
    description: 'open: waiting for an answer; responded: answered',
  })
  @IsOptional()
  @IsIn(CHECK_STATUSES)
  status?: CheckStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
