import { ApiProperty } from '@nestjs/swagger';

export class ContactRecordedResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ example: 'MASH-20261122-000042' }) reference!: string;
}
