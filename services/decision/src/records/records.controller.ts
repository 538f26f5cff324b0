import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { EndOfDayList } from './dto/end-of-day.response';
import { EndOfDayQuery } from './dto/end-of-day.query';
import { MashRecordResponse } from './dto/mash-record.response';
import { WorkListEntry } from './dto/work-list-entry.response';
import { WorkListQuery } from './dto/work-list.query';
import { RecordsService } from './records.service';

export const MASH_STAFF = ['contact-officer', 'social-worker', 'decision-maker', 'team-manager'] as const;
/** Who watches timeliness: the lists and figures carry ids and times, never a person. */
export const HUB_WATCHERS = ['decision-maker', 'team-manager', 'hub-operator'] as const;

@ApiTags('records')
@ApiBearerAuth()
@Controller('contacts')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Roles(...MASH_STAFF, 'hub-operator')
  @ApiOperation({
    summary: 'The work list: oldest contact first, or soonest deadline first (sort=deadline, overdue=true)',
  })
  @ApiOkResponse({ type: [WorkListEntry] })
  workList(@Query() query: WorkListQuery): Promise<WorkListEntry[]> {
    return this.records.workList(query);
  }

  // Declared before ':contactId' so that 'end-of-day' is not taken for a contact id.
  @Get('end-of-day')
  @Roles(...HUB_WATCHERS)
  @ApiOperation({
    summary: 'Every contact still waiting for a decision at the close of the working day',
    description:
      'Blackburn with Darwen: at the end of the working day no child should be left needing a decision. ' +
      'The close comes from the policy profile (WorkingCalendar.endOfWorkingDay).',
  })
  @ApiOkResponse({ type: EndOfDayList })
  endOfDay(@Query() query: EndOfDayQuery): Promise<EndOfDayList> {
    return this.records.endOfDay(query);
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
