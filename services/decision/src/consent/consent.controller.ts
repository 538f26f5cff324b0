import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { MashRecordResponse } from '../records/dto/mash-record.response';
import { ConsentService } from './consent.service';
import { ConsentDecisionRequest } from './dto/consent-decision.request';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('contacts')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Post(':contactId/consent')
  @HttpCode(200)
  @Roles('team-manager')
  @ApiOperation({
    summary: 'Decide on consent for a contact awaiting-consent-decision',
    description:
      'override or consent-obtained: the planned checks are requested now (check.requested to each agency) and the ' +
      'record waits for them; proceed-without-checks: they are not required and the record is ready for decision. ' +
      '400 without a rationale for override or proceed-without-checks; 404 unknown; 409 unless awaiting-consent-decision; ' +
      '422 no-check-subjects when screening did not name the people to search for.',
  })
  @ApiOkResponse({ type: MashRecordResponse })
  decide(
    @Param('contactId') contactId: string,
    @Body() request: ConsentDecisionRequest,
    @CurrentUser() principal: Principal,
  ): Promise<MashRecordResponse> {
    return this.consent.decide(contactId, request, principal);
  }
}
