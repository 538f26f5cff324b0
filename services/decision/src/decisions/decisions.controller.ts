import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { MashRecordResponse } from '../records/dto/mash-record.response';
import { DecisionsService } from './decisions.service';
import { RecordDecisionRequest } from './dto/record-decision.request';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('contacts')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post(':contactId/decision')
  @HttpCode(200)
  @Roles('decision-maker')
  @ApiOperation({
    summary: 'Record the outcome of a contact that is ready for decision (409 otherwise)',
    description:
      'Refused with 422 (mash-only-in-feedback) when feedbackToReferrer quotes an item an agency marked mash-only.',
  })
  @ApiOkResponse({ type: MashRecordResponse })
  decide(
    @Param('contactId') contactId: string,
    @Body() request: RecordDecisionRequest,
    @CurrentUser() principal: Principal,
  ): Promise<MashRecordResponse> {
    return this.decisions.decide(contactId, request, principal);
  }
}
