import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { assertActsForAgency, isAgencyPractitioner } from '../agency-access';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { withholdMashOnly } from './check-view';
import { ChecksService } from './checks.service';
import { CheckDetailResponse, CheckSummaryResponse } from './dto/check.response';
import { ListChecksQuery } from './dto/list-checks.query';

@ApiTags('checks')
@ApiBearerAuth()
@Controller('checks')
export class ChecksController {
  constructor(
    private readonly checks: ChecksService,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
  ) {}

  @Get()
  @Roles('agency-practitioner', 'hub-operator')
  @ApiOperation({ summary: "This agency's check requests, soonest due first" })
  @ApiOkResponse({ type: [CheckSummaryResponse] })
  list(
    @Query() query: ListChecksQuery,
    @CurrentUser() principal: Principal,
  ): Promise<CheckSummaryResponse[]> {
    assertActsForAgency(principal, this.node.agency);
    return this.checks.list(query);
  }

  @Get(':checkId')
  @Roles('agency-practitioner', 'hub-operator')
  @ApiOperation({
    summary: 'A check: the request, its subjects, the records found for them and the answer sent',
    description: "A hub operator sees mash-only text withheld; the agency's own practitioners see it all.",
  })
  @ApiOkResponse({ type: CheckDetailResponse })
  @ApiNotFoundResponse({ description: 'No such check' })
  async get(
    @Param('checkId') checkId: string,
    @CurrentUser() principal: Principal,
  ): Promise<CheckDetailResponse> {
    assertActsForAgency(principal, this.node.agency);
    const detail = await this.checks.get(checkId);
    return isAgencyPractitioner(principal, this.node.agency) ? detail : withholdMashOnly(detail);
  }
}
