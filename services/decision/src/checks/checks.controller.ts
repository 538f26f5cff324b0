import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { MashRecordResponse } from '../records/dto/mash-record.response';
import { ChecksService } from './checks.service';
import { ChangeAgenciesRequest } from './dto/change-agencies.request';

@ApiTags('checks')
@ApiBearerAuth()
@Controller('contacts')
export class ChecksController {
  constructor(private readonly checks: ChecksService) {}

  @Post(':contactId/checks')
  @HttpCode(200)
  @Roles('team-manager')
  @ApiOperation({
    summary: 'Change which agencies the contact is checked with, with a reason',
    description:
      'Agencies newly named get check.requested (or wait for consent); agencies left out get check.cancelled and ' +
      'are no longer waited for. 400 when nothing changes or an agency that answered is left out (field agencies); ' +
      '404 unknown; 409 once decided; 422 no-check-subjects when screening did not name the people to search for.',
  })
  @ApiOkResponse({ type: MashRecordResponse })
  change(
    @Param('contactId') contactId: string,
    @Body() request: ChangeAgenciesRequest,
    @CurrentUser() principal: Principal,
  ): Promise<MashRecordResponse> {
    return this.checks.changeAgencies(contactId, request, principal);
  }
}
