import { Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { MashRecordResponse } from '../records/dto/mash-record.response';
import { MASH_STAFF } from '../records/records.controller';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('contacts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post(':contactId/alerts/:alertIndex/sent')
  @HttpCode(200)
  @Roles(...MASH_STAFF)
  @ApiOperation({
    summary: 'Record that an alert screening asked for has been sent',
    description:
      'alertIndex is the alert’s position in deadlines.alerts. The alert’s deadline is then met or missed; an alert ' +
      'unsent past its due time lists the record in GET /contacts?overdue=true. 404 unknown record or alert; ' +
      '409 already sent.',
  })
  @ApiOkResponse({ type: MashRecordResponse })
  markSent(
    @Param('contactId') contactId: string,
    @Param('alertIndex', ParseIntPipe) alertIndex: number,
    @CurrentUser() principal: Principal,
  ): Promise<MashRecordResponse> {
    return this.alerts.markSent(contactId, alertIndex, principal);
  }
}
