import { Body, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AGENCIES, OUTCOMES, RAG_RATINGS } from '@mash/contracts';
import { Clock, CLOCK, DomainError, NotFoundError, Principal } from '@mash/platform';
import {
  FieldMessages,
  FormErrors,
  PageController,
  PageRequest,
  PageRoles,
  redirectTo,
  timeToDeadline,
  validateForm,
} from '@mash/web';
import { AlertsService } from '../alerts/alerts.service';
import { ChecksService } from '../checks/checks.service';
import { ChangeAgenciesRequest } from '../checks/dto/change-agencies.request';
import { CONSENT_DECISIONS } from '../consent/consent-decision.entity';
import { ConsentService } from '../consent/consent.service';
import { ConsentDecisionRequest } from '../consent/dto/consent-decision.request';
import { DecisionsService } from '../decisions/decisions.service';
import { RecordDecisionRequest } from '../decisions/dto/record-decision.request';
import { ChangeRagRequest } from '../rag/dto/change-rag.request';
import { RagService } from '../rag/rag.service';
import {
  AGENCY_NAMES,
  CHECK_STATUS_NAMES,
  OUTCOME_NAMES,
  RAG_NAMES,
  RAG_TAGS,
  STATUS_NAMES,
} from '../work-list/words';
import type { MashRecordResponse } from './dto/mash-record.response';
import { maySeeMashOnly } from './mash-only-redaction';
import { MASH_STAFF } from './records.controller';
import { RecordsService } from './records.service';

/** Who may take each action: the same roles as the API's @Roles. */
const MAY = {
  decide: ['decision-maker'],
  changeRag: ['team-manager'],
  changeAgencies: ['team-manager'],
  decideConsent: ['team-manager'],
  markAlertSent: [...MASH_STAFF] as string[],
};

const CONSENT_DECISION_NAMES: Record<string, { text: string; hint: string }> = {
  override: {
    text: 'Override consent',
    hint: 'On safeguarding grounds: the checks go ahead without consent. Say why.',
  },
  'consent-obtained': {
    text: 'Consent has been obtained',
    hint: 'The checks go ahead. Say who gave it and how.',
  },
  'proceed-without-checks': {
    text: 'Proceed without checks',
    hint: 'No agency is asked: the contact goes to a decision maker on what is known. Say why.',
  },
};

const DECISION_MESSAGES: FieldMessages = {
  outcome: 'Select the outcome',
  rationale: {
    maxLength: 'The rationale must be 10,000 characters or fewer',
    default: 'Enter the rationale for the decision',
  },
  feedbackToReferrer: {
    maxLength: 'The feedback must be 4,000 characters or fewer',
    noMashOnlyInformation:
      'The feedback quotes information an agency marked mash-only: it must not leave the hub. Remove it',
    default: 'Enter the feedback to the referrer',
  },
};
const RAG_MESSAGES: FieldMessages = {
  rating: {
    changesTheRating: 'Select a different rating: the record already has this one',
    default: 'Select the new RAG rating',
  },
  reason: {
    maxLength: 'The reason must be 2,000 characters or fewer',
    default: 'Enter the reason for the change',
  },
};
const AGENCY_MESSAGES: FieldMessages = {
  agencies: {
    changesTheChecks: 'Change which agencies are checked with: these are the agencies already asked',
    keepsAnsweredChecks: 'Keep the agencies that have already answered',
    default: 'Select the agencies to check with',
  },
  reason: {
    maxLength: 'The reason must be 2,000 characters or fewer',
    default: 'Enter the reason for the change',
  },
};
const CONSENT_MESSAGES: FieldMessages = {
  decision: 'Select the consent decision',
  rationale: {
    maxLength: 'The rationale must be 2,000 characters or fewer',
    default: 'Enter why: a rationale is required to override consent or to proceed without checks',
  },
};

/** What a refusal by the service says on the page (its own message is written for API callers). */
const REFUSALS: Record<string, string> = {
  'not-ready-for-decision': 'This contact is not ready for decision, so the decision was not recorded',
  'record-not-open':
    'This contact has left the hub (it is decided or closed), so it can no longer be changed',
  'no-consent-decision-pending': 'This contact is not waiting for a consent decision, so none was recorded',
  'alert-already-sent': 'This alert has already been recorded as sent',
  'no-check-subjects': 'Screening did not name the people to search for, so no agency can be asked',
};

/** The MASH record page and its actions: the same service methods and DTOs as the JSON API. */
@PageController('records')
export class RecordPages {
  constructor(
    private readonly records: RecordsService,
    private readonly decisions: DecisionsService,
    private readonly rag: RagService,
    private readonly checks: ChecksService,
    private readonly consent: ConsentService,
    private readonly alerts: AlertsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':contactId')
  @PageRoles(...MASH_STAFF)
  async show(@Req() req: PageRequest, @Res() res: Response, @Param('contactId') contactId: string) {
    const principal = req.session.principal!;
    const record = await this.records.view(contactId, principal);
    res.render('records/views/record.njk', {
      ...this.recordContext(record, principal),
      pageTitle: `Record ${record.reference}`,
    });
  }

  @Get(':contactId/decision')
  @PageRoles(...MAY.decide)
  async decisionForm(@Req() req: PageRequest, @Res() res: Response, @Param('contactId') contactId: string) {
    await this.renderForm(req, res, contactId, 'decision', {});
  }

  @Post(':contactId/decision')
  @PageRoles(...MAY.decide)
  async decide(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('contactId') contactId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const values = {
      outcome: body.outcome,
      rationale: body.rationale,
      feedbackToReferrer: body.feedbackToReferrer,
    };
    const plain = { ...values, feedbackToReferrer: values.feedbackToReferrer || undefined };
    await this.act(
      req,
      res,
      contactId,
      'decision',
      values,
      RecordDecisionRequest,
      plain,
      DECISION_MESSAGES,
      'outcome',
      (request, principal) => this.decisions.decide(contactId, request, principal),
      'Decision recorded',
    );
  }

  @Get(':contactId/rag')
  @PageRoles(...MAY.changeRag)
  async ragForm(@Req() req: PageRequest, @Res() res: Response, @Param('contactId') contactId: string) {
    await this.renderForm(req, res, contactId, 'rag', {});
  }

  @Post(':contactId/rag')
  @PageRoles(...MAY.changeRag)
  async changeRag(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('contactId') contactId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { rating: body.rating, reason: body.reason };
    await this.act(
      req,
      res,
      contactId,
      'rag',
      values,
      ChangeRagRequest,
      values,
      RAG_MESSAGES,
      'rating',
      (request, principal) => this.rag.change(contactId, request, principal),
      'RAG rating changed',
    );
  }

  @Get(':contactId/agencies')
  @PageRoles(...MAY.changeAgencies)
  async agenciesForm(@Req() req: PageRequest, @Res() res: Response, @Param('contactId') contactId: string) {
    await this.renderForm(req, res, contactId, 'agencies', {});
  }

  @Post(':contactId/agencies')
  @PageRoles(...MAY.changeAgencies)
  async changeAgencies(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('contactId') contactId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const agencies =
      body.agencies === undefined
        ? []
        : ([] as unknown[]).concat(body.agencies).filter((agency) => agency !== '');
    const values = { agencies, reason: body.reason };
    await this.act(
      req,
      res,
      contactId,
      'agencies',
      values,
      ChangeAgenciesRequest,
      values,
      AGENCY_MESSAGES,
      'agencies',
      (request, principal) => this.checks.changeAgencies(contactId, request, principal),
      'Agencies changed',
    );
  }

  @Get(':contactId/consent')
  @PageRoles(...MAY.decideConsent)
  async consentForm(@Req() req: PageRequest, @Res() res: Response, @Param('contactId') contactId: string) {
    await this.renderForm(req, res, contactId, 'consent', {});
  }

  @Post(':contactId/consent')
  @PageRoles(...MAY.decideConsent)
  async decideConsent(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('contactId') contactId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const values = { decision: body.decision, rationale: body.rationale };
    // An empty box is no rationale (required for an override; optional when consent was obtained).
    const plain = {
      ...values,
      rationale:
        typeof values.rationale === 'string' && values.rationale.trim() === '' ? undefined : values.rationale,
    };
    await this.act(
      req,
      res,
      contactId,
      'consent',
      values,
      ConsentDecisionRequest,
      plain,
      CONSENT_MESSAGES,
      'decision',
      (request, principal) => this.consent.decide(contactId, request, principal),
      'Consent decision recorded',
    );
  }

  @Post(':contactId/alerts/:alertIndex/sent')
  @PageRoles(...MAY.markAlertSent)
  async markAlertSent(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('contactId') contactId: string,
    @Param('alertIndex') alertIndex: string,
  ) {
    const principal = req.session.principal!;
    const index = /^\d{1,4}$/.test(alertIndex) ? Number(alertIndex) : NaN;
    if (Number.isNaN(index)) throw new NotFoundError('alert');
    try {
      await this.alerts.markSent(contactId, index, principal);
      req.session.flash = [{ type: 'success', text: 'Alert recorded as sent' }];
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      req.session.flash = [
        { type: 'important', heading: 'The alert was not recorded as sent', text: refusalText(error) },
      ];
    }
    return redirectTo(req, res, `/records/${contactId}`);
  }

  /** Validates with the API's DTO, calls the API's service method; a refusal is shown on the form, with nothing recorded. */
  private async act<T extends object>(
    req: PageRequest,
    res: Response,
    contactId: string,
    form: string,
    values: Record<string, unknown>,
    schema: new () => T,
    plain: object,
    messages: FieldMessages,
    firstField: string,
    call: (request: T, principal: Principal) => Promise<MashRecordResponse>,
    done: string,
  ) {
    const principal = req.session.principal!;
    const checked = await validateForm(schema, plain, messages);
    if (!checked.ok) return this.renderForm(req, res, contactId, form, values, checked.errors, 400);
    try {
      await call(checked.value, principal);
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      const errors = error.violations.length
        ? FormErrors.of(error.violations, messages)
        : new FormErrors().add(firstField, refusalText(error));
      return this.renderForm(req, res, contactId, form, values, errors, error.status);
    }
    req.session.flash = [{ type: 'success', text: done }];
    return redirectTo(req, res, `/records/${contactId}`);
  }

  private async renderForm(
    req: PageRequest,
    res: Response,
    contactId: string,
    form: string,
    values: Record<string, unknown>,
    errors?: FormErrors,
    status = 200,
  ) {
    const principal = req.session.principal!;
    const record = await this.records.view(contactId, principal);
    const titles: Record<string, string> = {
      decision: 'Record the decision',
      rag: 'Change the RAG rating',
      agencies: 'Change the agencies checked with',
      consent: 'Decide on consent',
    };
    const current = record.checks
      .filter((check) => check.status !== 'cancelled' && check.status !== 'not-required')
      .map((check) => check.agency);
    const chosenAgencies = (values.agencies as string[] | undefined) ?? current;
    res.status(status).render(`records/views/${form}.njk`, {
      ...this.recordContext(record, principal),
      pageTitle: titles[form],
      values,
      errors,
      outcomeItems: OUTCOMES.map((outcome) => ({
        value: outcome,
        text: OUTCOME_NAMES[outcome],
        checked: values.outcome === outcome,
      })),
      ratingItems: RAG_RATINGS.map((rating) => ({
        value: rating,
        text: RAG_NAMES[rating] + (rating === record.rag.rating ? ' (the current rating)' : ''),
        checked: values.rating === rating,
      })),
      agencyItems: AGENCIES.map((agency) => ({
        value: agency,
        text: AGENCY_NAMES[agency],
        checked: chosenAgencies.includes(agency),
      })),
      consentItems: CONSENT_DECISIONS.map((decision) => ({
        value: decision,
        text: CONSENT_DECISION_NAMES[decision].text,
        hint: { text: CONSENT_DECISION_NAMES[decision].hint },
        checked: values.decision === decision,
      })),
    });
  }

  private recordContext(record: MashRecordResponse, principal: Principal) {
    const now = this.clock.now();
    const roles = principal.roles as string[];
    const may = Object.fromEntries(
      Object.entries(MAY).map(([action, allowed]) => [action, allowed.some((role) => roles.includes(role))]),
    );
    const open = !['decided', 'closed'].includes(record.status);
    return {
      columnWidth: 'full',
      record,
      now,
      may,
      open,
      seesMashOnly: maySeeMashOnly(principal.roles),
      statusName: STATUS_NAMES[record.status],
      ragNames: RAG_NAMES,
      ragTags: RAG_TAGS,
      agencyNames: AGENCY_NAMES,
      checkStatusNames: CHECK_STATUS_NAMES,
      outcomeNames: OUTCOME_NAMES,
      statusNames: STATUS_NAMES,
      checks: record.checks.map((check) => ({
        ...check,
        timeLeft:
          check.dueAt && (check.status === 'requested' || check.status === 'overdue')
            ? timeToDeadline(check.dueAt, now)
            : null,
      })),
      deadlineRows: [
        ['Agency checks', record.deadlines.checks],
        ['Decision', record.deadlines.decision],
        ['Leave the hub', record.deadlines.leaveHub],
        ['Feedback to the referrer', record.deadlines.feedback],
      ].map(([name, deadline]) => {
        const view = deadline as MashRecordResponse['deadlines']['checks'];
        return {
          name,
          ...view,
          timeLeft: view.status === 'pending' && view.dueAt ? timeToDeadline(view.dueAt, now) : null,
        };
      }),
    };
  }
}

function refusalText(error: DomainError): string {
  const known = REFUSALS[error.code];
  if (known) return known;
  return error.message.charAt(0).toUpperCase() + error.message.slice(1);
}
