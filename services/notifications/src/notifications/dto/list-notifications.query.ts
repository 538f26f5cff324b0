import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ListNotificationsQuery {
  @ApiProperty({ format: 'uuid', description: 'The contact whose notifications to list' })
  @IsUUID()
  contactId!: string;
}
