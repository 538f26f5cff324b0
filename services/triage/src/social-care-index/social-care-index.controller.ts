import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles } from '@mash/platform';
import { ImportResultResponse } from './dto/import-result.response';
import { SocialCareIndexLine } from './dto/social-care-index-line';
import { SocialCareIndexService } from './social-care-index.service';

@ApiTags('social care index')
@ApiBearerAuth()
@ApiExtraModels(SocialCareIndexLine)
@Controller('social-care-index')
export class SocialCareIndexController {
  constructor(private readonly index: SocialCareIndexService) {}

  @Roles('hub-operator', 'team-manager')
  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: "Load the local authority's children's social care index",
    description:
      `NDJSON, one child a line, each line a ${SocialCareIndexLine.name} (see schemas). ` +
      'All or nothing: a bad line answers 400 naming every bad line, field and rule, and stores nothing. ' +
      'Idempotent per recordId: a record already held is replaced.',
  })
  @ApiConsumes('application/x-ndjson', 'text/plain')
  @ApiBody({
    schema: {
      type: 'string',
      description: `One JSON object a line: ${getSchemaPath(SocialCareIndexLine)}`,
      example:
        '{"recordId":"SC-100234","givenName":"Amelia","familyName":"Example","dateOfBirth":"2016-05-14","status":"open","allocatedWorker":"Sam Worker","team":"Children in Need Team 2"}\n',
    },
  })
  @ApiOkResponse({ type: ImportResultResponse })
  @ApiBadRequestResponse({
    description: 'Problem details listing `line`, `field` and `rule` for each bad line',
  })
  import(@Body() ndjson: string): Promise<ImportResultResponse> {
    return this.index.import(ndjson);
  }
}
