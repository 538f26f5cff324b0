import { ApiProperty } from '@nestjs/swagger';

export class RecordsImportedResponse {
  @ApiProperty({ description: 'How many people were imported (created or replaced)', example: 120 })
  imported!: number;
}
