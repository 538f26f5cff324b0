import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mash/platform';
import { DisclosuresService } from './disclosures.service';
import { DisclosureResponse } from './dto/disclosure.response';
import { ListDisclosuresQuery } from './dto/list-disclosures.query';

@ApiTags('disclosures')
@ApiBearerAuth()
@Controller('disclosures')
export class DisclosuresController {
  constructor(private readonly disclosures: DisclosuresService) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({
    summary: 'The disclosure log: what this agency shared with the MASH, why, by whom and when, newest first',
    description:
      "Every answer, partial or complete, automatic or a practitioner's, writes one entry: item counts by " +
      'classification, the records shared, with whom, why, by whom, when, its RAG and whether it was partial. ' +
      'Never what the items say. Auditors only.',
  })
  @ApiOkResponse({ type: [DisclosureResponse] })
  list(@Query() query: ListDisclosuresQuery): Promise<DisclosureResponse[]> {
    return this.disclosures.list(query);
  }
}
