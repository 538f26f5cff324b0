import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@mash/platform';
import { assertAuditorOfAgency } from '../agency-access';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { ViewAuditResponse } from './dto/view-audit.response';
import { ViewAuditService } from './view-audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(
    private readonly audit: ViewAuditService,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
  ) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({
    summary: "Who viewed this agency's checks and searched its records, newest first",
    description:
      'Every check view and record search, written in the same transaction as the read: who (id and roles), ' +
      'when, which check, counts. Never the search text. Auditors of this agency only.',
  })
  @ApiQuery({ name: 'checkId', required: false })
  @ApiQuery({ name: 'limit', required: false, description: 'At most 1000 (default 200)' })
  @ApiOkResponse({ type: [ViewAuditResponse] })
  @ApiForbiddenResponse({ description: 'Not an auditor of this agency' })
  list(
    @CurrentUser() principal: Principal,
    @Query('checkId') checkId?: string,
    @Query('limit') limit?: string,
  ): Promise<ViewAuditResponse[]> {
    assertAuditorOfAgency(principal, this.node.agency);
    const parsed = Number(limit);
    return this.audit.list({ checkId, limit: Number.isInteger(parsed) && parsed > 0 ? parsed : undefined });
  }
}
