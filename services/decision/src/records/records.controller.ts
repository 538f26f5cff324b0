import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { MashRecordResponse } from './dto/mash-record.response';
import { WorkListEntry } from './dto/work-list-entry.response';
import { WorkListQuery } from './dto/work-list.query';
import { RecordsService } from './records.service';

export const MASH_STAFF = ['contact-officer', 'social-worker', 'decision-maker', 'team-manager'] as const;

@ApiTags('records')
@ApiBearerAuth()
@Controller('contacts')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Roles(...MASH_STAFF)
  @ApiOperation({ summary: 'The work list: MASH records, oldest contact first' })
  @ApiOkResponse({ type: [WorkListEntry] })
  workList(@Query() query: WorkListQuery): Promise<WorkListEntry[]> {
    return this.records.workList(query);
  }

  @Get(':contactId')
  @Roles(...MASH_STAFF)
  @ApiOperation({
    summary:
      'The MASH record as the caller may see it (mash-only items are withheld unless a decision maker)',
  })
  @ApiOkResponse({ type: MashRecordResponse })
  view(
    @Param('contactId') contactId: string,
    @CurrentUser() principal: Principal,
  ): Promise<MashRecordResponse> {
    return this.records.view(contactId, principal);
  }
}
