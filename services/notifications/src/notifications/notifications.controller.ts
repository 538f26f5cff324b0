import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { Clock, CLOCK, CurrentUser, NotFoundError, Principal, Roles } from '@mash/platform';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import {
  PhoneTaskDoneRequest,
  PhoneTaskNotDoneRequest,
  SentByHandRequest,
} from './dto/mark-phone-task.request';
import { NotificationDetailResponse, NotificationResponse } from './dto/notification.response';
import { NotificationsService } from './notifications.service';

const HUB_STAFF = [
  'contact-officer',
  'social-worker',
  'decision-maker',
  'team-manager',
  'hub-operator',
] as const;

/** Who makes a strategy discussion's calls and records them (Northamptonshire 9(d): the decision maker). */
const CALLERS = ['decision-maker', 'team-manager', 'social-worker'] as const;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...HUB_STAFF)
  @ApiOperation({
    summary:
      'What was sent, or is due, for a contact: every kind, or (overdue=true) what is overdue across contacts',
  })
  @ApiOkResponse({ type: NotificationResponse, isArray: true })
  async list(@Query() query: ListNotificationsQuery): Promise<NotificationResponse[]> {
    const notifications =
      query.overdue === true && !query.contactId
        ? await this.notifications.listOverdue()
        : await this.notifications.listForContact(query.contactId!);
    const now = this.clock.now();
    return notifications
      .map((notification) => NotificationResponse.from(notification, now))
      .filter((notification) => query.overdue !== true || notification.overdue);
  }

  @Get(':id')
  @Roles(...HUB_STAFF)
  @ApiOperation({ summary: 'One notification in full: a phone task with its numbers, note or reason' })
  @ApiOkResponse({ type: NotificationDetailResponse })
  async detail(@Param('id') id: string): Promise<NotificationDetailResponse> {
    if (!isUUID(id)) throw new NotFoundError('the notification');
    const notification = await this.notifications.find(id);
    return NotificationDetailResponse.detail(
      notification,
      this.clock.now(),
      await this.notifications.hasDocument(id),
    );
  }

  @Post(':id/done')
  @HttpCode(200)
  @Roles(...CALLERS)
  @ApiOperation({
    summary:
      'Mark a phone task done: when (now), who (the caller) and a short note. 409 if not a phone task or already marked.',
  })
  @ApiOkResponse({ type: NotificationDetailResponse })
  async done(
    @Param('id') id: string,
    @Body() body: PhoneTaskDoneRequest,
    @CurrentUser() principal: Principal,
  ): Promise<NotificationDetailResponse> {
    if (!isUUID(id)) throw new NotFoundError('the notification');
    const task = await this.notifications.markPhoneTask(id, 'done', body.note, principal);
    return NotificationDetailResponse.detail(task, this.clock.now(), false);
  }

  @Post(':id/not-done')
  @HttpCode(200)
  @Roles(...CALLERS)
  @ApiOperation({
    summary: 'Mark a phone task not done, with why. 409 if not a phone task or already marked.',
  })
  @ApiOkResponse({ type: NotificationDetailResponse })
  async notDone(
    @Param('id') id: string,
    @Body() body: PhoneTaskNotDoneRequest,
    @CurrentUser() principal: Principal,
  ): Promise<NotificationDetailResponse> {
    if (!isUUID(id)) throw new NotFoundError('the notification');
    const task = await this.notifications.markPhoneTask(id, 'not-done', body.reason, principal);
    return NotificationDetailResponse.detail(task, this.clock.now(), false);
  }

  @Post(':id/sent-by-hand')
  @HttpCode(200)
  @Roles(...HUB_STAFF)
  @ApiOperation({
    summary:
      'Record an alert left to send by hand as sent, or a letter ready to post as posted. 409 for anything else.',
  })
  @ApiOkResponse({ type: NotificationDetailResponse })
  async sentByHand(
    @Param('id') id: string,
    @Body() body: SentByHandRequest,
    @CurrentUser() principal: Principal,
  ): Promise<NotificationDetailResponse> {
    if (!isUUID(id)) throw new NotFoundError('the notification');
    const notification = await this.notifications.markSentByHand(id, body.note, principal);
    return NotificationDetailResponse.detail(
      notification,
      this.clock.now(),
      await this.notifications.hasDocument(id),
    );
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
