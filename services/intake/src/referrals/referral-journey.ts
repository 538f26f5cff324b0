import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import {
  CONCERN_CATEGORIES,
  CONTACT_SOURCES,
  ContactDetails,
  ContactSource,
  GENDERS,
  REQUEST_TYPES,
  RequestType,
} from '@mash/contracts';
import { Clock, CLOCK, DomainError } from '@mash/platform';
import type { PolicyProfile } from '@mash/policy';
import { FormErrors, PageRequest, redirectTo, validateForm } from '@mash/web';
import { ContactsService } from '../contacts/contacts.service';
import { contactDateViolations } from '../contacts/contact-dates';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CONSENT_LABELS,
  contactDetailsOf,
  dateParts,
  GENDER_LABELS,
  isoDate,
  list,
  newReferralForm,
  REFERRAL_MESSAGES,
  ReferralForm,
  REQUEST_TYPE_LABELS,
  SOURCE_LABELS,
  text,
  URGENT_INDICATOR_LABELS,
  wholeNumber,
  yesNo,
  yesNoValue,
} from './referral-answers';

export const POLICY_PROFILE = Symbol('POLICY_PROFILE');

/** Which journey: the public portal (`/refer`) or a contact officer's entry (`/contacts/new`). */
export interface ReferralFlow {
  base: string;
  form: string;
  officer: boolean;
}

type Body = Record<string, unknown>;
const VIEWS = 'referrals/views';

/**
 * The question pages of a referral, shared by the portal and the contact officers' entry: each page
 * keeps its answers in the session and checks them with the contract's ContactDetails (only the
 * fields that page asks for); "Send referral" checks the whole and records it with ContactsService,
 * the same method `POST /contacts` calls, with an Idempotency-Key kept in the session.
 */
@Injectable()
export class ReferralJourney {
  constructor(
    private readonly contacts: ContactsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(POLICY_PROFILE) private readonly profile: PolicyProfile,
  ) {}

  form(flow: ReferralFlow, req: PageRequest): ReferralForm {
    const forms = (req.session.forms ??= {});
    let form = forms[flow.form] as ReferralForm | undefined;
    if (!form) {
      form = newReferralForm();
      if (!flow.officer) form.answers.channel = 'portal';
      forms[flow.form] = form;
    }
    return form;
  }

  private render(
    flow: ReferralFlow,
    req: PageRequest,
    res: Response,
    view: string,
    context: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const form = this.form(flow, req);
    res.status(errors?.any ? 400 : 200).render(`${VIEWS}/${view}.njk`, {
      base: flow.base,
      officer: flow.officer,
      checking: form.checking,
      ...context,
      errors: errors?.any ? errors : undefined,
    });
  }

  /** The contract's rules for the fields one page asks for (`referrer`, `children[1]`, ...), with the clock's date rules. */
  private async check(form: ReferralForm, parts: string[]): Promise<FormErrors> {
    const details = contactDetailsOf(form.answers);
    const inPart = (field: string) =>
      parts.some((part) => field === part || field.startsWith(`${part}.`) || field.startsWith(`${part}[`));
    const errors = new FormErrors();
    const result = await validateForm(ContactDetails, details, REFERRAL_MESSAGES);
    if (!result.ok)
      for (const [field, { text: message }] of Object.entries(result.errors.fields))
        if (inPart(field)) errors.add(field, message);
    const dated = contactDateViolations(details as unknown as ContactDetails, this.clock.now());
    const dateErrors = FormErrors.of(dated, REFERRAL_MESSAGES);
    for (const [field, { text: message }] of Object.entries(dateErrors.fields))
      if (inPart(field)) errors.add(field, message);
    // A date's error summary link goes to its first box (the day), as GOV.UK's date input pattern asks.
    for (const item of errors.summary)
      if (/(dateOfBirth|expectedDueDate)$/.test(item.href)) item.href = `${item.href}-day`;
    return errors;
  }

  private next(flow: ReferralFlow, req: PageRequest, res: Response, step: string) {
    const form = this.form(flow, req);
    return redirectTo(req, res, `${flow.base}/${form.checking ? 'check' : step}`);
  }

  // How the contact came in (contact officers only): the channel.
  how(flow: ReferralFlow, req: PageRequest, res: Response) {
    const form = this.form(flow, req);
    this.render(flow, req, res, 'how', {
      values: { channel: form.answers.channel },
      channels: CHANNEL_LABELS,
      takenBy: req.session.principal?.name,
    });
  }

  async saveHow(flow: ReferralFlow, req: PageRequest, res: Response, body: Body) {
    const form = this.form(flow, req);
    const channel = text(body.channel);
    form.answers.channel = channel && channel in CHANNEL_LABELS ? (channel as never) : undefined;
    const errors = await this.check(form, ['channel']);
    if (!form.answers.channel) errors.add('channel', REFERRAL_MESSAGES.channel as string);
    if (errors.any)
      return this.render(flow, req, res, 'how', { values: body, channels: CHANNEL_LABELS }, errors);
    // A police notification comes from the police.
    if (form.answers.channel === 'police-notification' && !form.answers.source)
      form.answers.source = 'police';
    return this.next(flow, req, res, 'referrer');
  }

  referrer(flow: ReferralFlow, req: PageRequest, res: Response) {
    const form = this.form(flow, req);
    this.render(flow, req, res, 'referrer', {
      values: { source: form.answers.source, ...(form.answers.referrer ?? {}) },
      sources: this.sourceOptions(),
    });
  }

  async saveReferrer(flow: ReferralFlow, req: PageRequest, res: Response, body: Body) {
    const form = this.form(flow, req);
    form.answers.source = text(body.source) as ContactSource | undefined;
    form.answers.referrer = withoutEmpty({
      name: text(body.name),
      role: text(body.role),
      organisation: text(body.organisation),
      email: text(body.email),
      phone: text(body.phone),
      relationshipToChild: text(body.relationshipToChild),
    });
    const errors = await this.check(form, ['source', 'referrer']);
    if (errors.any)
      return this.render(flow, req, res, 'referrer', { values: body, sources: this.sourceOptions() }, errors);
    return redirectTo(
      req,
      res,
      `${flow.base}/${form.checking ? 'check' : form.answers.children.length ? 'children' : 'child/1'}`,
    );
  }

  child(flow: ReferralFlow, req: PageRequest, res: Response, number: string) {
    const form = this.form(flow, req);
    const index = this.indexOf(number, form.answers.children.length);
    const child = form.answers.children[index] ?? {};
    const address = (child.address ?? {}) as Record<string, unknown>;
    this.render(flow, req, res, 'child', {
      index,
      values: {
        ...child,
        ...address,
        born: child.unborn === true ? 'no' : child.dateOfBirth ? 'yes' : undefined,
        dob: dateParts(child.dateOfBirth),
        due: dateParts(child.expectedDueDate),
        ageYears: (child.approximateAge as { years?: number } | undefined)?.years,
      },
      genders: GENDERS.map((value) => ({ value, text: GENDER_LABELS[value] })),
    });
  }

  async saveChild(flow: ReferralFlow, req: PageRequest, res: Response, number: string, body: Body) {
    const form = this.form(flow, req);
    const index = this.indexOf(number, form.answers.children.length);
    const unborn = body.born === 'no';
    const dob = dateInput(body, 'dob');
    const due = dateInput(body, 'due');
    const address = withoutEmpty({
      line1: text(body.line1),
      line2: text(body.line2),
      town: text(body.town),
      postcode: text(body.postcode)?.toUpperCase(),
    });
    const child = withoutEmpty({
      givenName: text(body.givenName),
      familyName: text(body.familyName),
      unborn: unborn || undefined,
      // Only the date that fits the answer is kept: a born child's due date is not asked for.
      dateOfBirth: unborn ? undefined : isoDate(dob?.day, dob?.month, dob?.year),
      expectedDueDate: unborn ? isoDate(due?.day, due?.month, due?.year) : undefined,
      // Referrers often know an age but not a date of birth: the contract takes it as an age band.
      approximateAge:
        unborn || isoDate(dob.day, dob.month, dob.year) ? undefined : approximateAge(body.ageYears),
      gender: text(body.gender),
      address: Object.keys(address).length ? address : undefined,
      school: text(body.school),
    });
    const before = form.answers.children[index];
    form.answers.children[index] = child;
    const errors = await this.check(form, [`children[${index}]`]);
    if (errors.any) {
      if (before) form.answers.children[index] = before;
      else form.answers.children.splice(index, 1);
      return this.render(
        flow,
        req,
        res,
        'child',
        {
          index,
          values: { ...body, dob, due },
          genders: GENDERS.map((value) => ({ value, text: GENDER_LABELS[value] })),
        },
        errors,
      );
    }
    return redirectTo(req, res, `${flow.base}/children`);
  }

  children(flow: ReferralFlow, req: PageRequest, res: Response, errors?: FormErrors) {
    const form = this.form(flow, req);
    if (!form.answers.children.length) return redirectTo(req, res, `${flow.base}/child/1`);
    this.render(flow, req, res, 'children', { children: form.answers.children }, errors);
  }

  async saveChildren(flow: ReferralFlow, req: PageRequest, res: Response, body: Body) {
    const form = this.form(flow, req);
    if (body.another === 'yes')
      return redirectTo(req, res, `${flow.base}/child/${form.answers.children.length + 1}`);
    if (body.another !== 'no')
      return this.children(
        flow,
        req,
        res,
        new FormErrors().add('another', 'Select yes if you need to add another child'),
      );
    return this.next(flow, req, res, 'adults');
  }

  async removeChild(flow: ReferralFlow, req: PageRequest, res: Response, number: string) {
    const form = this.form(flow, req);
    const index = this.indexOf(number, form.answers.children.length - 1);
    form.answers.children.splice(index, 1);
    return redirectTo(req, res, `${flow.base}/children`);
  }

  adult(flow: ReferralFlow, req: PageRequest, res: Response, number: string) {
    const form = this.form(flow, req);
    const index = this.indexOf(number, form.answers.adults.length);
    const adult = form.answers.adults[index] ?? {};
    this.render(flow, req, res, 'adult', {
      index,
      values: {
        ...adult,
        dob: dateParts(adult.dateOfBirth),
        parentalResponsibility: yesNoValue(adult.parentalResponsibility),
        livesWithChild: yesNoValue(adult.livesWithChild),
        allegedPerpetrator: yesNoValue(adult.allegedPerpetrator),
      },
    });
  }

  async saveAdult(flow: ReferralFlow, req: PageRequest, res: Response, number: string, body: Body) {
    const form = this.form(flow, req);
    const index = this.indexOf(number, form.answers.adults.length);
    const dob = dateInput(body, 'dob');
    const adult = withoutEmpty({
      givenName: text(body.givenName),
      familyName: text(body.familyName),
      dateOfBirth: isoDate(dob?.day, dob?.month, dob?.year),
      relationship: text(body.relationship),
      parentalResponsibility: yesNo(body.parentalResponsibility),
      livesWithChild: yesNo(body.livesWithChild),
      allegedPerpetrator: yesNo(body.allegedPerpetrator),
    });
    const before = form.answers.adults[index];
    form.answers.adults[index] = adult;
    const errors = await this.check(form, [`adults[${index}]`]);
    if (errors.any) {
      if (before) form.answers.adults[index] = before;
      else form.answers.adults.splice(index, 1);
      return this.render(flow, req, res, 'adult', { index, values: { ...body, dob } }, errors);
    }
    return redirectTo(req, res, `${flow.base}/adults`);
  }

  adults(flow: ReferralFlow, req: PageRequest, res: Response, errors?: FormErrors) {
    const form = this.form(flow, req);
    this.render(flow, req, res, 'adults', { adults: form.answers.adults }, errors);
  }

  async saveAdults(flow: ReferralFlow, req: PageRequest, res: Response, body: Body) {
    const form = this.form(flow, req);
    if (body.another === 'yes')
      return redirectTo(req, res, `${flow.base}/adult/${form.answers.adults.length + 1}`);
    if (body.another !== 'no')
      return this.adults(
        flow,
        req,
        res,
        new FormErrors().add(
          'another',
          form.answers.adults.length
            ? 'Select yes if you need to tell us about another adult'
            : 'Select yes if you want to tell us about an adult',
        ),
      );
    return this.next(flow, req, res, 'concern');
  }

  async removeAdult(flow: ReferralFlow, req: PageRequest, res: Response, number: string) {
    const form = this.form(flow, req);
    form.answers.adults.splice(this.indexOf(number, form.answers.adults.length - 1), 1);
    return redirectTo(req, res, `${flow.base}/adults`);
  }

  concern(flow: ReferralFlow, req: PageRequest, res: Response) {
    const form = this.form(flow, req);
    const concern = form.answers.concern ?? {};
    this.render(flow, req, res, 'concern', {
      values: {
        ...concern,
        requestType: form.answers.requestType,
        immediateDanger: yesNoValue(concern.immediateDanger),
        allegationAgainstProfessional: yesNoValue(concern.allegationAgainstProfessional),
        safetyScale: concern.safetyScale ?? undefined,
      },
      ...this.concernOptions(),
    });
  }

  async saveConcern(flow: ReferralFlow, req: PageRequest, res: Response, body: Body) {
    const form = this.form(flow, req);
    form.answers.requestType = text(body.requestType) as RequestType | undefined;
    form.answers.concern = withoutEmpty({
      summary: text(body.summary),
      categories: list(body.categories),
      childSaid: text(body.childSaid),
      safetyScale: wholeNumber(body.safetyScale),
      immediateDanger: yesNo(body.immediateDanger),
      allegationAgainstProfessional: yesNo(body.allegationAgainstProfessional),
      urgentIndicators: (form.answers.concern?.urgentIndicators as string[] | undefined) ?? undefined,
    });
    const errors = await this.check(form, ['requestType', 'concern']);
    if (errors.any)
      return this.render(
        flow,
        req,
        res,
        'concern',
        { values: { ...body, categories: list(body.categories) }, ...this.concernOptions() },
        errors,
      );
    return this.next(flow, req, res, 'urgent');
  }

  urgent(flow: ReferralFlow, req: PageRequest, res: Response) {
    const form = this.form(flow, req);
    const ticked = form.answers.concern?.urgentIndicators as string[] | undefined;
    this.render(flow, req, res, 'urgent', {
      values: { urgentIndicators: ticked?.length ? ticked : ticked ? ['none'] : [] },
      indicators: this.indicatorOptions(),
    });
  }

  async saveUrgent(flow: ReferralFlow, req: PageRequest, res: Response, body: Body) {
    const form = this.form(flow, req);
    if (!form.answers.concern) return redirectTo(req, res, `${flow.base}/concern`);
    const ticked = list(body.urgentIndicators);
    const errors = new FormErrors();
    if (!ticked.length)
      errors.add('concern.urgentIndicators', 'Select the things that apply, or select ‘None of these’');
    if (ticked.includes('none') && ticked.length > 1)
      errors.add('concern.urgentIndicators', 'Select the things that apply, or ‘None of these’, not both');
    if (!errors.any) {
      form.answers.concern.urgentIndicators = ticked.filter((value) => value !== 'none');
      for (const [field, { text: message }] of Object.entries(
        (await this.check(form, ['concern.urgentIndicators'])).fields,
      ))
        errors.add(field, message);
    }
    if (errors.any)
      return this.render(
        flow,
        req,
        res,
        'urgent',
        { values: { urgentIndicators: ticked }, indicators: this.indicatorOptions() },
        errors,
      );
    return this.next(flow, req, res, 'consent');
  }

  consent(flow: ReferralFlow, req: PageRequest, res: Response) {
    const form = this.form(flow, req);
    this.render(flow, req, res, 'consent', { values: form.answers.consent ?? {}, statuses: CONSENT_LABELS });
  }

  async saveConsent(flow: ReferralFlow, req: PageRequest, res: Response, body: Body) {
    const form = this.form(flow, req);
    const status = text(body.status);
    form.answers.consent = withoutEmpty({
      status,
      givenBy: status === 'given' ? text(body.givenBy) : undefined,
      reason: status && status !== 'given' ? text(body.reason) : undefined,
    });
    const errors = await this.check(form, ['consent']);
    if (errors.any)
      return this.render(flow, req, res, 'consent', { values: body, statuses: CONSENT_LABELS }, errors);
    form.checking = true;
    return redirectTo(req, res, `${flow.base}/check`);
  }

  async checkAnswers(
    flow: ReferralFlow,
    req: PageRequest,
    res: Response,
    errors?: FormErrors,
    problem?: string,
  ) {
    const form = this.form(flow, req);
    if (!form.answers.referrer && form.sent) return redirectTo(req, res, `${flow.base}/sent`);
    form.checking = true;
    this.render(
      flow,
      req,
      res,
      'check',
      {
        answers: form.answers,
        labels: {
          source: SOURCE_LABELS,
          requestType: REQUEST_TYPE_LABELS,
          category: CATEGORY_LABELS,
          indicator: URGENT_INDICATOR_LABELS,
          gender: GENDER_LABELS,
          consent: CONSENT_LABELS,
          channel: CHANNEL_LABELS,
        },
        takenBy: flow.officer ? req.session.principal?.name : undefined,
        problem,
      },
      errors,
    );
  }

  /** "Send referral": the whole checked with the contract, then recorded once however often it is sent. */
  async send(flow: ReferralFlow, req: PageRequest, res: Response) {
    const form = this.form(flow, req);
    // Sent already (a second click, or back and send again): the same confirmation, no second contact.
    if (!form.answers.referrer && form.sent) return redirectTo(req, res, `${flow.base}/sent`);
    const details = contactDetailsOf(form.answers);
    const result = await validateForm(ContactDetails, details, REFERRAL_MESSAGES);
    if (!result.ok) return this.checkAnswers(flow, req, res, this.linkedToPages(flow, result.errors));
    try {
      const recorded = await this.contacts.record(result.value, form.idempotencyKey);
      const sent = { reference: recorded.reference, idempotencyKey: form.idempotencyKey };
      const next = newReferralForm(sent);
      if (!flow.officer) next.answers.channel = 'portal';
      req.session.forms![flow.form] = next;
      return redirectTo(req, res, `${flow.base}/sent`);
    } catch (error) {
      if (error instanceof DomainError && error.violations.length)
        return this.checkAnswers(
          flow,
          req,
          res,
          this.linkedToPages(flow, FormErrors.of(error.violations, REFERRAL_MESSAGES)),
        );
      if (error instanceof DomainError) return this.checkAnswers(flow, req, res, undefined, error.message);
      throw error;
    }
  }

  sent(flow: ReferralFlow, req: PageRequest, res: Response) {
    const form = this.form(flow, req);
    if (!form.sent) return redirectTo(req, res, flow.base);
    this.render(flow, req, res, 'sent', { reference: form.sent.reference });
  }

  /** Starts a new referral (the confirmation's "Make another referral"). */
  async startAgain(flow: ReferralFlow, req: PageRequest, res: Response) {
    const forms = (req.session.forms ??= {});
    delete forms[flow.form];
    return redirectTo(req, res, flow.officer ? `${flow.base}/how` : `${flow.base}/referrer`);
  }

  /** On "Check your answers" the error summary links to the page that asks the question. */
  private linkedToPages(flow: ReferralFlow, errors: FormErrors): FormErrors {
    const linked = new FormErrors();
    for (const [field, { text: message }] of Object.entries(errors.fields)) {
      linked.add(field, message);
      const child = /^children\[(\d+)\]/.exec(field);
      const adult = /^adults\[(\d+)\]/.exec(field);
      const page = child
        ? `child/${Number(child[1]) + 1}`
        : adult
          ? `adult/${Number(adult[1]) + 1}`
          : field === 'children'
            ? 'child/1'
            : field.startsWith('concern.urgentIndicators')
              ? 'urgent'
              : field.startsWith('concern') || field === 'requestType'
                ? 'concern'
                : field.startsWith('consent')
                  ? 'consent'
                  : field === 'channel'
                    ? 'how'
                    : 'referrer';
      linked.summary[linked.summary.length - 1].href = `${flow.base}/${page}`;
    }
    return linked;
  }

  private indexOf(number: string, max: number): number {
    const index = Number(number) - 1;
    if (!Number.isInteger(index) || index < 0 || index > max || index >= 20) throw new NotFoundException();
    return index;
  }

  private sourceOptions() {
    return CONTACT_SOURCES.map((value) => ({ value, text: SOURCE_LABELS[value] }));
  }

  private concernOptions() {
    return {
      requestTypes: REQUEST_TYPES.map((value) => ({ value, text: REQUEST_TYPE_LABELS[value] })),
      categories: CONCERN_CATEGORIES.map((value) => ({ value, text: CATEGORY_LABELS[value] })),
    };
  }

  /** The urgent indicators this hub's policy profile lists (any one makes the contact Red). */
  private indicatorOptions() {
    return this.profile.urgentIndicators.map((value) => ({ value, text: URGENT_INDICATOR_LABELS[value] }));
  }
}

/** GOV.UK's date input posts `<prefix>-day`, `<prefix>-month` and `<prefix>-year`. */
function dateInput(body: Body, prefix: string): { day?: unknown; month?: unknown; year?: unknown } {
  return { day: body[`${prefix}-day`], month: body[`${prefix}-month`], year: body[`${prefix}-year`] };
}

function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}

/** "7" → `{ years: 7 }`; anything else that was typed is kept as it is, so the DTO names what is wrong. */
function approximateAge(typed: unknown): { years: number } | undefined {
  const value = typeof typed === 'string' ? typed.trim() : '';
  if (!value) return undefined;
  return { years: /^\d{1,2}$/.test(value) ? Number(value) : (value as unknown as number) };
}
