import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** `GET /checks/{checkId}/record-search?q=`: what the practitioner typed. */
export class RecordSearchQuery {
  @ApiProperty({
    minLength: 2,
    maxLength: 200,
    description: 'A record id, an NHS number, UPN or PNC id, or a name (any case, misspelt)',
    example: 'Siobhan MacDermott',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q!: string;
}
