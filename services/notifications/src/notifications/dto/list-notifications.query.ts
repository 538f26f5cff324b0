import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsOptional, IsUUID, ValidateIf } from 'class-validator';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The contact whose notifications to list' })
  @ValidateIf((query: ListNotificationsQuery) => query.overdue !== true)
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({
    enum: ['true'],
    description:
      'true: every notification past its due time and not yet sent, done or given up on (phone tasks, alerts to send by hand, letters to post), across contacts',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value))
  @Equals(true, { message: 'overdue must be true when given' })
  overdue?: boolean;
}
