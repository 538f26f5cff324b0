import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListIndexMatchesQuery {
  @ApiPropertyOptional({ enum: ['awaiting-review', 'screened'], default: 'awaiting-review' })
  @IsOptional()
  @IsIn(['awaiting-review', 'screened'])
  status?: 'awaiting-review' | 'screened';
}
