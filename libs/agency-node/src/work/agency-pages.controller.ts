import { randomUUID } from 'node:crypto';
import { Body, ForbiddenException, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RAG_RATINGS } from '@mash/contracts';
import { Clock, CLOCK, DomainError } from '@mash/platform';
import {
  FormErrors,
  PageController,
  PageRequest,
  PageRoles,
  redirectTo,
  timeToDeadline,
  validateForm,
} from '@mash/web';
import { isAgencyPractitioner } from '../agency-access';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { CheckAnswersService } from '../checks/check-answers.service';
import { CheckLifecycleService } from '../checks/check-lifecycle.service';
import { ChecksService } from '../checks/checks.service';
import { AddCandidateRequest } from '../checks/dto/add-candidate.request';
import type { CheckDetailResponse } from '../checks/dto/check.response';
import { CheckResponseRequest } from '../checks/dto/check-response.request';
import { EscalateCheckRequest } from '../checks/dto/escalate-check.request';
import { RecordSearchQuery } from '../checks/dto/record-search.query';
import { ReviewCandidatesRequest } from '../checks/dto/review-candidates.request';
import {
  AnswerForm,
  answerFormFromDraft,
  answerFormFromPost,
  ANSWER_MESSAGES,
  answerRequest,
} from './answer-form';

const VIEWS = 'work/views';

/**
 * The agency practitioner's pages: the work list, a check, reviewing and adding candidates, the
 * answer (partial or complete, checked before it is sent, sent once) and escalation. Only this
 * agency's practitioners; the page calls the same service methods and DTOs as the JSON API.
 */
@PageController()
@PageRoles('agency-practitioner')
export class AgencyPagesController {
  constructor(
    private readonly checks: ChecksService,
    private readonly answers: CheckAnswersService,
    private readonly lifecycle: CheckLifecycleService,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async workList(@Req() req: PageRequest, @Res() res: Response) {
    this.assertOwn(req);
    const now = this.clock.now();
    const [open, responded, cancelled] = await Promise.all([
      this.checks.list({ status: 'open' }),
      this.checks.list({ status: 'responded' }),
      this.checks.list({ status: 'cancelled' }),
    ]);
    const timeLeft = (dueAt: string | null) => (dueAt ? timeToDeadline(dueAt, now) : 'No due time');
    res.render(`${VIEWS}/work-list.njk`, {
      open: open.map((check) => ({ ...check, timeLeft: timeLeft(check.dueAt) })),
      closed: [...responded, ...cancelled].sort((a, b) =>
        (b.respondedAt ?? b.cancelledAt ?? '').localeCompare(a.respondedAt ?? a.cancelledAt ?? ''),
      ),
    });
  }

  @Get('work/:checkId')
  async check(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
  ) {
    this.assertOwn(req);
    return this.renderCheck(req, res, checkId, {});
  }

  @Post('work/:checkId/review')
  async review(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: Record<string, string>,
  ) {
    this.assertOwn(req);
    const form = await validateForm(ReviewCandidatesRequest, {
      reviews: [{ subjectId: body.subjectId, recordId: body.recordId, review: body.review }],
    });
    if (!form.ok)
      return this.renderCheck(req, res, checkId, { status: 400, refusal: 'Choose confirm or reject' });
    try {
      await this.answers.reviewCandidates(checkId, form.value, req.session.principal!);
    } catch (error) {
      return this.refused(req, res, checkId, error);
    }
    req.session.flash = [
      {
        type: 'success',
        text: `Record ${body.recordId} ${body.review === 'confirmed' ? 'confirmed' : 'rejected'} for ${body.subjectId}`,
      },
    ];
    return redirectTo(req, res, `/work/${checkId}#candidates`);
  }

  /** The search term arrives in the POST body and is never put in a URL or logged. */
  @Post('work/:checkId/search')
  async search(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: Record<string, string>,
  ) {
    this.assertOwn(req);
    const form = await validateForm(
      RecordSearchQuery,
      { q: body.q },
      { q: 'Enter a record id, an NHS number, UPN or PNC id, or a name (2 to 200 characters)' },
    );
    if (!form.ok)
      return this.renderCheck(req, res, checkId, { status: 400, errors: form.errors, search: { q: body.q } });
    const results = await this.checks.searchRecords(checkId, form.value.q, req.session.principal!);
    return this.renderCheck(req, res, checkId, { search: { q: form.value.q, results } });
  }

  @Post('work/:checkId/candidates')
  async addCandidate(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: Record<string, string>,
  ) {
    this.assertOwn(req);
    const form = await validateForm(
      AddCandidateRequest,
      { subjectId: body.subjectId, recordId: body.recordId, reason: body.reason?.trim() },
      {
        subjectId: 'Select the person this record is',
        recordId: 'Select a record',
        reason: 'Enter why you are sure this record is the person (up to 1000 characters)',
      },
    );
    const fieldErrors = (errors: FormErrors) => {
      // Each result row has its own fields; the summary links to this record's reason.
      const mapped = new FormErrors();
      for (const [field, message] of Object.entries(errors.fields))
        mapped.add(field === 'reason' ? `reason-${body.recordId}` : `add-${field}`, message.text);
      return mapped;
    };
    if (!form.ok) {
      const results = body.q
        ? await this.checks.searchRecords(checkId, body.q, req.session.principal!).catch(() => undefined)
        : undefined;
      return this.renderCheck(req, res, checkId, {
        status: 400,
        errors: fieldErrors(form.errors),
        search: { q: body.q, results, values: body },
      });
    }
    try {
      await this.answers.addCandidate(checkId, form.value, req.session.principal!);
    } catch (error) {
      return this.refused(req, res, checkId, error);
    }
    req.session.flash = [
      {
        type: 'success',
        text: `Record ${form.value.recordId} added and confirmed for ${form.value.subjectId}`,
      },
    ];
    return redirectTo(req, res, `/work/${checkId}#candidates`);
  }

  @Get('work/:checkId/answer')
  async answerForm(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
  ) {
    this.assertOwn(req);
    const check = await this.checks.get(checkId, { withDraft: true }, req.session.principal!);
    if (!check.draft) return redirectTo(req, res, `/work/${checkId}`);
    const form =
      (this.forms(req)[formName(checkId)] as AnswerForm | undefined) ??
      answerFormFromDraft(check.draft, this.clock.now());
    res.render(`${VIEWS}/answer.njk`, this.answerContext(check, form));
  }

  @Post('work/:checkId/answer')
  async answerPost(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.assertOwn(req);
    const check = await this.checks.get(checkId, { withDraft: true }, req.session.principal!);
    if (!check.draft) return redirectTo(req, res, `/work/${checkId}`);
    const form = answerFormFromPost(check.draft, body);
    const errors = await this.answerErrors(form);
    if (errors.any)
      return res.status(400).render(`${VIEWS}/answer.njk`, { ...this.answerContext(check, form), errors });
    // A new key for each answer checked: repeats of this one send it once.
    this.forms(req)[formName(checkId)] = { ...form, idempotencyKey: randomUUID() };
    return redirectTo(req, res, `/work/${checkId}/answer/check`);
  }

  @Get('work/:checkId/answer/check')
  async checkAnswer(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
  ) {
    this.assertOwn(req);
    const form = this.forms(req)[formName(checkId)] as AnswerForm | undefined;
    if (!form) return redirectTo(req, res, `/work/${checkId}/answer`);
    const check = await this.checks.get(checkId, { withDraft: true }, req.session.principal!);
    res.render(`${VIEWS}/check-answer.njk`, { check, form, request: answerRequest(form) });
  }

  @Post('work/:checkId/answer/send')
  async send(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
  ) {
    this.assertOwn(req);
    const form = this.forms(req)[formName(checkId)] as AnswerForm | undefined;
    // Already sent (a second press after the first one finished): the check shows the answer.
    if (!form) return redirectTo(req, res, `/work/${checkId}`);
    const validated = await validateForm(CheckResponseRequest, answerRequest(form), ANSWER_MESSAGES);
    if (!validated.ok) return redirectTo(req, res, `/work/${checkId}/answer`);
    try {
      await this.answers.respond(checkId, validated.value, req.session.principal!, form.idempotencyKey);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const check = await this.checks.get(checkId, { withDraft: true }, req.session.principal!);
      return res.status(error.status).render(`${VIEWS}/check-answer.njk`, {
        check,
        form,
        request: answerRequest(form),
        refusal: error.message,
      });
    }
    delete this.forms(req)[formName(checkId)];
    req.session.flash = [
      {
        type: 'success',
        heading: form.partial ? 'Partial answer sent' : 'Answer sent',
        text: `Your answer to ${checkId.slice(0, 8)} has been sent to the MASH.`,
      },
    ];
    return redirectTo(req, res, `/work/${checkId}`);
  }

  @Get('work/:checkId/escalate')
  async escalateForm(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
  ) {
    this.assertOwn(req);
    const check = await this.checks.get(checkId, { withDraft: false }, req.session.principal!);
    res.render(`${VIEWS}/escalate.njk`, { check, values: {}, rags: higherRags(check.rag) });
  }

  @Post('work/:checkId/escalate')
  async escalate(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: Record<string, string>,
  ) {
    this.assertOwn(req);
    const check = await this.checks.get(checkId, { withDraft: false }, req.session.principal!);
    const form = await validateForm(
      EscalateCheckRequest,
      { rag: body.rag, reason: body.reason?.trim() },
      { rag: 'Select the RAG rating the risk now needs', reason: 'Enter why the risk is heightened' },
    );
    const context = { check, values: body, rags: higherRags(check.rag) };
    if (!form.ok) return res.status(400).render(`${VIEWS}/escalate.njk`, { ...context, errors: form.errors });
    try {
      await this.lifecycle.escalate(checkId, form.value, req.session.principal!);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return res
        .status(error.status)
        .render(`${VIEWS}/escalate.njk`, { ...context, errors: new FormErrors().add('rag', error.message) });
    }
    req.session.flash = [{ type: 'success', text: `Escalated to ${form.value.rag.toUpperCase()}` }];
    return redirectTo(req, res, `/work/${checkId}`);
  }

  private assertOwn(req: PageRequest) {
    if (!isAgencyPractitioner(req.session.principal, this.node.agency))
      throw new ForbiddenException(`these pages are for ${this.node.agency} practitioners`);
  }

  private forms(req: PageRequest): Record<string, unknown> {
    req.session.forms ??= {};
    return req.session.forms;
  }

  private async renderCheck(
    req: PageRequest,
    res: Response,
    checkId: string,
    extra: { status?: number; refusal?: string; errors?: FormErrors; search?: Record<string, unknown> },
  ) {
    const check = await this.checks.get(checkId, { withDraft: true }, req.session.principal!);
    const now = this.clock.now();
    res.status(extra.status ?? 200).render(`${VIEWS}/check.njk`, {
      check,
      timeLeft: check.dueAt ? timeToDeadline(check.dueAt, now) : 'No due time',
      subjectsById: Object.fromEntries(check.subjects.map((subject) => [subject.subjectId, subject])),
      answerInProgress: !!this.forms(req)[formName(checkId)],
      ...extra,
    });
  }

  private async refused(req: PageRequest, res: Response, checkId: string, error: unknown) {
    if (!(error instanceof DomainError)) throw error;
    return this.renderCheck(req, res, checkId, { status: error.status, refusal: error.message });
  }

  private answerContext(check: CheckDetailResponse, form: AnswerForm) {
    return { check, form, rags: RAG_RATINGS };
  }

  private async answerErrors(form: AnswerForm): Promise<FormErrors> {
    const validated = await validateForm(CheckResponseRequest, answerRequest(form), ANSWER_MESSAGES);
    const errors = validated.ok ? new FormErrors() : mapAnswerErrors(validated.errors, form);
    form.items.forEach((item, index) => {
      if (item.include && item.mashOnlyFact && item.classification === 'shareable')
        errors.add(
          `items[${index}].classification`,
          'This item comes from a mash-only fact: it can only be shared as mash-only',
        );
    });
    if (form.partial === undefined)
      errors.add('partial', 'Select whether this answer is partial or complete');
    return errors;
  }
}

const formName = (checkId: string) => `answer:${checkId}`;

/** The request's item indices count only the items included; the page's count every draft item. */
function mapAnswerErrors(errors: FormErrors, form: AnswerForm): FormErrors {
  const included = form.items.map((item, index) => (item.include ? index : -1)).filter((i) => i >= 0);
  const mapped = new FormErrors();
  for (const [field, message] of Object.entries(errors.fields)) {
    const name = field.replace(/^items\[(\d+)\]/, (_, i: string) => `items[${included[Number(i)] ?? i}]`);
    mapped.add(name, message.text);
  }
  return mapped;
}

function higherRags(current: string) {
  const order = ['green', 'amber', 'red'];
  return order.slice(order.indexOf(current) + 1);
}
