import { ApiProperty } from '@nestjs/swagger';

export class ImportResultResponse {
  @ApiProperty({
    example: 120,
    description: 'Records inserted or updated (an import is idempotent per recordId)',
  })
  imported!: number;
}
