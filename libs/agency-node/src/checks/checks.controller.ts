import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CheckEscalated, CheckResponded } from '@mash/contracts';
import { ApiIdempotencyKey, CurrentUser, IdempotencyKey, Principal, Roles } from '@mash/platform';
import { assertMayListChecks, assertPractitionerOfAgency, isAgencyPractitioner } from '../agency-access';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { CheckAnswersService } from './check-answers.service';
import { CheckLifecycleService } from './check-lifecycle.service';
import { checkSummaryForHubOperator } from './check-view';
import { ChecksService, toCandidateReviewView } from './checks.service';
import { AddCandidateRequest } from './dto/add-candidate.request';
import { CheckCandidateReviewView, CheckDetailResponse, CheckSummaryResponse } from './dto/check.response';
import { CheckResponseRequest } from './dto/check-response.request';
import { EscalateCheckRequest } from './dto/escalate-check.request';
import { ListChecksQuery } from './dto/list-checks.query';
import { RecordSearchQuery } from './dto/record-search.query';
import { RecordSearchResponse } from './dto/record-search.response';
import { ReviewCandidatesRequest } from './dto/review-candidates.request';

const PROBLEM = { description: 'Problem details (application/problem+json) naming each field and rule' };

@ApiTags('checks')
@ApiBearerAuth()
@Controller('checks')
export class ChecksController {
  constructor(
    private readonly checks: ChecksService,
    private readonly answers: CheckAnswersService,
    private readonly lifecycle: CheckLifecycleService,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
  ) {}

  @Get()
  @Roles('agency-practitioner', 'hub-operator')
  @ApiOperation({
    summary: "This agency's check requests, soonest due first, with the time each has left",
    description:
      'For practitioners of this agency; a hub operator sees ids, status, times and counts only ' +
      '(concernCategories empty). `status=open` is the work list.',
  })
  @ApiOkResponse({ type: [CheckSummaryResponse] })
  @ApiForbiddenResponse({ description: "Not this agency's practitioner nor a hub operator" })
  async list(
    @Query() query: ListChecksQuery,
    @CurrentUser() principal: Principal,
  ): Promise<CheckSummaryResponse[]> {
    assertMayListChecks(principal, this.node.agency);
    const checks = await this.checks.list(query);
    return isAgencyPractitioner(principal, this.node.agency)
      ? checks
      : checks.map(checkSummaryForHubOperator);
  }

  @Get(':checkId')
  @Roles('agency-practitioner')
  @ApiOperation({
    summary:
      'A check: the request, its subjects, the candidate records with score, reasons and review, the answers sent, ' +
      "this agency's earlier answers about the same people, and a draft answer",
    description:
      'Only a practitioner of this agency: a hub operator is not an agency and never sees candidate records.',
  })
  @ApiOkResponse({ type: CheckDetailResponse })
  @ApiForbiddenResponse({ description: "Not this agency's practitioner" })
  @ApiNotFoundResponse({ description: 'No such check' })
  get(@Param('checkId') checkId: string, @CurrentUser() principal: Principal): Promise<CheckDetailResponse> {
    assertPractitionerOfAgency(principal, this.node.agency);
    return this.checks.get(checkId, { withDraft: true }, principal);
  }

  @Post(':checkId/candidates/review')
  @HttpCode(200)
  @Roles('agency-practitioner')
  @ApiOperation({
    summary: 'Confirm or reject candidate records: is this record the person asked about?',
    description:
      'Only a practitioner of this agency. Each review names a candidate of this check (subjectId and recordId); ' +
      'all are stored together or none. A candidate may be reviewed again until the check is completely answered. ' +
      'Only confirmed candidates may be shared.',
  })
  @ApiOkResponse({ type: [CheckCandidateReviewView], description: "The check's candidates after the review" })
  @ApiBadRequestResponse(PROBLEM)
  @ApiUnprocessableEntityResponse({ description: 'A review names no candidate of this check, or one twice' })
  @ApiForbiddenResponse({ description: "Not this agency's practitioner" })
  @ApiNotFoundResponse({ description: 'No such check' })
  @ApiConflictResponse({ description: 'The check has been answered completely' })
  async review(
    @Param('checkId') checkId: string,
    @Body() body: ReviewCandidatesRequest,
    @CurrentUser() principal: Principal,
  ): Promise<CheckCandidateReviewView[]> {
    assertPractitionerOfAgency(principal, this.node.agency);
    const candidates = await this.answers.reviewCandidates(checkId, body, principal);
    return candidates.map(toCandidateReviewView);
  }

  @Get(':checkId/record-search')
  @Roles('agency-practitioner')
  @ApiOperation({
    summary: "Search this agency's records for a person of the check the node did not propose",
    description:
      'Only a practitioner of this agency. `q` is a record id (exactly), an NHS number, UPN or PNC id (however ' +
      'written), or a name (any case or order, misspelt: trigram similarity). At most 20 records, closest first, ' +
      'each with the subjects of this check it is already a candidate for. The query is never logged.',
  })
  @ApiOkResponse({ type: RecordSearchResponse })
  @ApiBadRequestResponse(PROBLEM)
  @ApiForbiddenResponse({ description: "Not this agency's practitioner" })
  @ApiNotFoundResponse({ description: 'No such check' })
  searchRecords(
    @Param('checkId') checkId: string,
    @Query() query: RecordSearchQuery,
    @CurrentUser() principal: Principal,
  ): Promise<RecordSearchResponse> {
    assertPractitionerOfAgency(principal, this.node.agency);
    return this.checks.searchRecords(checkId, query.q, principal);
  }

  @Post(':checkId/candidates')
  @HttpCode(201)
  @Roles('agency-practitioner')
  @ApiOperation({
    summary: 'Add a record the practitioner found themselves as a candidate for a subject',
    description:
      'Only a practitioner of this agency. The record (found with record-search) is added for the subject, ' +
      'already confirmed by this practitioner, as a possible match scored as the matcher would score it, its ' +
      'reasons saying a practitioner added it and why. It may then be matched in the response like any confirmed ' +
      'candidate, or rejected by a later review.',
  })
  @ApiCreatedResponse({ type: CheckCandidateReviewView, description: 'The candidate as added' })
  @ApiBadRequestResponse(PROBLEM)
  @ApiUnprocessableEntityResponse({
    description: 'subjectId is not a subject of this check, or recordId not a record of this agency',
  })
  @ApiForbiddenResponse({ description: "Not this agency's practitioner" })
  @ApiNotFoundResponse({ description: 'No such check' })
  @ApiConflictResponse({
    description:
      'The record is already a candidate for that subject (review it instead), or the check is answered',
  })
  async addCandidate(
    @Param('checkId') checkId: string,
    @Body() body: AddCandidateRequest,
    @CurrentUser() principal: Principal,
  ): Promise<CheckCandidateReviewView> {
    assertPractitionerOfAgency(principal, this.node.agency);
    return toCandidateReviewView(await this.answers.addCandidate(checkId, body, principal));
  }

  @Post(':checkId/response')
  @HttpCode(200)
  @Roles('agency-practitioner')
  @ApiOperation({
    summary: "Answer the check: the agency's RAG, analysis and exactly the items the practitioner chose",
    description:
      'Only a practitioner of this agency. matchedRecordIds must be candidates a practitioner has confirmed; ' +
      'noTrace is true exactly when none is matched; every item is about a matched record. ' +
      '`partial: true` with `awaiting` sends what the agency has now and says what it still awaits; ' +
      'a later response completes it (and replaces it at the MASH). Every answer is signed, sent through the ' +
      'outbox and written to the disclosure log in one transaction. With an `Idempotency-Key`, a repeat of the ' +
      'same request (same practitioner, same body) gets the first answer back and nothing is sent again.',
  })
  @ApiIdempotencyKey(
    'Repeat the request safely after a timeout: the same key and body on this check return the first answer ' +
      '(nothing sent, logged or stored again); the same key with another body is a 422 naming this header',
  )
  @ApiOkResponse({ type: CheckResponded, description: 'The answer as sent to the MASH' })
  @ApiBadRequestResponse(PROBLEM)
  @ApiUnprocessableEntityResponse({
    description:
      'The answer breaks a rule of sharing, or its Idempotency-Key was used for another request; each broken rule is listed',
  })
  @ApiForbiddenResponse({ description: "Not this agency's practitioner" })
  @ApiNotFoundResponse({ description: 'No such check' })
  @ApiConflictResponse({ description: 'The check has already been answered completely' })
  respond(
    @Param('checkId') checkId: string,
    @Body() body: CheckResponseRequest,
    @CurrentUser() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<CheckResponded> {
    assertPractitionerOfAgency(principal, this.node.agency);
    return this.answers.respond(checkId, body, principal, idempotencyKey);
  }

  @Post(':checkId/escalation')
  @HttpCode(200)
  @Roles('agency-practitioner')
  @ApiOperation({
    summary: 'Escalate heightened risk: raise the RAG now, before or after answering',
    description:
      "Only a practitioner of this agency, and only upwards. The MASH raises the contact's RAG and re-times every " +
      'open check. Recorded with who, when and why.',
  })
  @ApiOkResponse({ type: CheckEscalated, description: 'The escalation as sent to the MASH' })
  @ApiBadRequestResponse(PROBLEM)
  @ApiUnprocessableEntityResponse({
    description: 'Not more urgent than the current RAG, or the check was withdrawn',
  })
  @ApiForbiddenResponse({ description: "Not this agency's practitioner" })
  @ApiNotFoundResponse({ description: 'No such check' })
  escalate(
    @Param('checkId') checkId: string,
    @Body() body: EscalateCheckRequest,
    @CurrentUser() principal: Principal,
  ): Promise<CheckEscalated> {
    assertPractitionerOfAgency(principal, this.node.agency);
    return this.lifecycle.escalate(checkId, body, principal);
  }
}
