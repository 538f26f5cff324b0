import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { MashRecordResponse } from '../records/dto/mash-record.response';
import { ChangeRagRequest } from './dto/change-rag.request';
import { RagService } from './rag.service';

@ApiTags('rag')
@ApiBearerAuth()
@Controller('contacts')
export class RagController {
  constructor(private readonly rag: RagService) {}

  @Post(':contactId/rag')
  @HttpCode(200)
  @Roles('team-manager')
  @ApiOperation({
    summary: 'Change the RAG rating, with a reason: deadlines recomputed, open checks re-timed',
    description:
      '400 when the rating is unchanged (field rating) or the reason is missing; 404 unknown; 409 once decided. ' +
      'Every check still owed gets check.retimed.',
  })
  @ApiOkResponse({ type: MashRecordResponse })
  change(
    @Param('contactId') contactId: string,
    @Body() request: ChangeRagRequest,
    @CurrentUser() principal: Principal,
  ): Promise<MashRecordResponse> {
    return this.rag.change(contactId, request, principal);
  }
}
