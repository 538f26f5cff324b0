import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { assertRecordsAdminOfAgency } from '../agency-access';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { RecordsImportedResponse } from './dto/records-imported.response';
import { RecordsService } from './records.service';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class RecordsController {
  constructor(
    private readonly records: RecordsService,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('agency-records-admin')
  @ApiOperation({
    summary: "Load this agency's records",
    description:
      'NDJSON, one person a line: recordId, givenName, familyName, otherNames, dateOfBirth, gender, address, ' +
      'nhsNumber, upn, pncId and facts [{factId, date, kind, summary, classification, severity, role}]. ' +
      'Every line is checked; if any is invalid the answer is 400 naming each line, field and rule, and nothing is stored. ' +
      'Otherwise each person is created or replaced by recordId, in one transaction. ' +
      "Only this agency's records administrators (agency-records-admin with this agency): not a hub operator, not a practitioner.",
  })
  @ApiConsumes('application/x-ndjson', 'text/plain')
  @ApiBody({ schema: { type: 'string' } })
  @ApiOkResponse({ type: RecordsImportedResponse })
  import(@Body() body: string, @CurrentUser() principal: Principal): Promise<RecordsImportedResponse> {
    assertRecordsAdminOfAgency(principal, this.node.agency);
    return this.records.import(body);
  }
}
