import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mash/platform';
import { HUB_WATCHERS } from '../records/records.controller';
import { FiguresQuery } from './dto/figures.query';
import { FiguresResponse } from './dto/figures.response';
import { FiguresService } from './figures.service';

@ApiTags('figures')
@ApiBearerAuth()
@Controller('figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @Roles(...HUB_WATCHERS)
  @ApiOperation({
    summary: 'Counts for the period: contacts, re-referrals, decisions within timescale, overdue now',
    description: 'Counts only, never a person. Croydon 13 (Statistics and Reporting).',
  })
  @ApiOkResponse({ type: FiguresResponse })
  get(@Query() query: FiguresQuery): Promise<FiguresResponse> {
    return this.figures.figures(query);
  }
}
