import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { assertAuditorOfAgency } from '../agency-access';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { DisclosuresService } from './disclosures.service';
import { DisclosureResponse } from './dto/disclosure.response';
import { ListDisclosuresQuery } from './dto/list-disclosures.query';

@ApiTags('disclosures')
@ApiBearerAuth()
@Controller('disclosures')
export class DisclosuresController {
  constructor(
    private readonly disclosures: DisclosuresService,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
  ) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({
    summary: 'The disclosure log: what this agency shared with the MASH, why, by whom and when, newest first',
    description:
      "Every answer, partial or complete, automatic or a practitioner's, writes one entry: item counts by " +
      'classification, the records shared, with whom, why, by whom, when, its RAG and whether it was partial. ' +
      'Never what the items say. Auditors of this agency only (auditor with this agency).',
  })
  @ApiOkResponse({ type: [DisclosureResponse] })
  list(
    @Query() query: ListDisclosuresQuery,
    @CurrentUser() principal: Principal,
  ): Promise<DisclosureResponse[]> {
    assertAuditorOfAgency(principal, this.node.agency);
    return this.disclosures.list(query);
  }
}
