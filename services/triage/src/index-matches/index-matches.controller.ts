import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles, ValidationFailedError } from '@mash/platform';
import { IndexMatchResponse, IndexMatchSummaryResponse } from './dto/index-match.response';
import { ListIndexMatchesQuery } from './dto/list-index-matches.query';
import { ReviewIndexMatchesRequest } from './dto/review-index-matches.request';
import { IndexMatchesService } from './index-matches.service';

const contactIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationFailedError([{ field: 'contactId', rule: 'isUuid', message: 'contactId must be a UUID' }]),
});

/**
 * Possible matches in the social care index for a contact officer to confirm or reject before
 * screening goes on (README: "Possible matches in the index"). JSON only; the pages are built on it.
 */
@ApiTags('index matches')
@ApiBearerAuth()
@Controller('index-matches')
export class IndexMatchesController {
  constructor(private readonly matches: IndexMatchesService) {}

  @Roles('contact-officer', 'social-worker', 'decision-maker', 'team-manager')
  @Get()
  @ApiOperation({
    summary: 'Contacts held for a contact officer: a child may be a record of the social care index',
    description: 'Oldest received first. Ids and counts only.',
  })
  @ApiOkResponse({ type: [IndexMatchSummaryResponse] })
  list(@Query() query: ListIndexMatchesQuery): Promise<IndexMatchSummaryResponse[]> {
    return this.matches.list(query.status);
  }

  @Roles('contact-officer', 'social-worker', 'decision-maker', 'team-manager')
  @Get(':contactId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "A held contact's children, each with the index records that may be them, scores and reasons",
    description:
      'Each child as referred (until screened) beside each possible record of the index, with the ' +
      "matcher's `confidence`, `score` and `reasons` in words, and any review so far.",
  })
  @ApiOkResponse({ type: IndexMatchResponse })
  @ApiNotFoundResponse({ description: 'No contact of this id was held for review' })
  find(@Param('contactId', contactIdPipe) contactId: string): Promise<IndexMatchResponse> {
    return this.matches.find(contactId);
  }

  @Roles('contact-officer', 'team-manager')
  @Post(':contactId/review')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Confirm or reject possible matches; the contact is screened once every child is settled',
    description:
      'All reviews stored or none. A child is settled when one record is confirmed (it is the child’s: ' +
      'an open case with an allocated worker goes to that worker) or every possible match is rejected ' +
      '(the child is not known to the index). A review may be changed until the contact is screened. ' +
      'The answer is the contact as now reviewed; `status: screened` once screening went on.',
  })
  @ApiBody({ type: ReviewIndexMatchesRequest })
  @ApiOkResponse({ type: IndexMatchResponse })
  @ApiNotFoundResponse({ description: 'No contact of this id was held for review' })
  @ApiConflictResponse({ description: '`already-screened`: the contact has been screened' })
  @ApiUnprocessableEntityResponse({
    description:
      '`reviews[i]` with `isCandidate` (not a possible match of a child of this contact), `unique` ' +
      '(named twice) or `oneConfirmedPerChild`',
  })
  review(
    @Param('contactId', contactIdPipe) contactId: string,
    @Body() request: ReviewIndexMatchesRequest,
    @CurrentUser() reviewer: Principal,
  ): Promise<IndexMatchResponse> {
    return this.matches.review(contactId, request, reviewer);
  }
}
