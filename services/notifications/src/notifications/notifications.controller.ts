import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { NotFoundError, Roles } from '@mash/platform';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationResponse } from './dto/notification.response';
import { NotificationsService } from './notifications.service';

const HUB_STAFF = [
  'contact-officer',
  'social-worker',
  'decision-maker',
  'team-manager',
  'hub-operator',
] as const;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles(...HUB_STAFF)
  @ApiOperation({ summary: "What was sent, or is due, to a contact's referrer and family" })
  @ApiOkResponse({ type: NotificationResponse, isArray: true })
  async list(@Query() query: ListNotificationsQuery): Promise<NotificationResponse[]> {
    const notifications = await this.notifications.listForContact(query.contactId);
    return notifications.map(NotificationResponse.from);
  }

  @Get(':id/document')
  @Roles(...HUB_STAFF)
  @ApiOperation({ summary: 'The letter as PDF (what was emailed, or is to be posted)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async document(@Param('id') id: string): Promise<StreamableFile> {
    if (!isUUID(id)) throw new NotFoundError('the notification');
    const { fileName, pdf } = await this.notifications.document(id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}"`,
      length: pdf.length,
    });
  }
}
