import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListDisclosuresQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the disclosures for this check' })
  @IsOptional()
  @IsUUID()
  checkId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Only the disclosures that shared this agency record' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recordId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
