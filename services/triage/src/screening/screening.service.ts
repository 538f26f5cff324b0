import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import {
  CheckRequested,
  checkRequestedRoutingKey,
  ContactReceived,
  ContactScreened,
  MessageTypes,
  RequestedCheck,
  ScreeningAlert,
  SocialCareIndexResult,
} from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import { Clock, CLOCK, metricsRegistry, NotFoundError } from '@mash/platform';
import { SCREENING_POLICY } from '../policy/policy.module';
import { SocialCareIndexService } from '../social-care-index/social-care-index.service';
import { checkSubjects } from './check-subjects';
import type { ScreeningResponse } from './dto/screening.response';
import { screenContact } from './rules/screen-contact';
import type { ScreeningPolicy } from './rules/screening-policy';
import { holdForReview } from '../index-matches/index-match-review.repository';
import { Screening } from './screening.entity';

const screenings = new Counter({
  name: 'mash_triage_screenings_total',
  help: 'Contacts screened, by route and initial RAG rating',
  labelNames: ['route', 'rag'],
  registers: [metricsRegistry],
});

const consentOutcomes = new Counter({
  name: 'mash_triage_consent_outcomes_total',
  help: 'Contacts screened, by consent outcome (awaiting-decision: checks held until a manager decides) and the exception applied',
  labelNames: ['outcome', 'exception'],
  registers: [metricsRegistry],
});

const heldForReview = new Counter({
  name: 'mash_triage_index_reviews_held_total',
  help: 'Contacts held for a contact officer to confirm or reject a possible match in the social care index',
  registers: [metricsRegistry],
});

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

@Injectable()
export class ScreeningService {
  private readonly logger = new Logger('screening');

  constructor(
    private readonly dataSource: DataSource,
    private readonly index: SocialCareIndexService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCREENING_POLICY) private readonly policy: ScreeningPolicy,
  ) {
    this.logger.log(`screening with policy profile ${policy.profile.id}`);
  }

  /**
   * Screens one contact in the consumer's transaction: looks each child up in the social care index,
   * applies the profile's screening rules, stores the screening and enqueues `contact.screened` followed
   * by one `check.requested` per check that may be sent now. Checks awaiting a consent decision are listed
   * in `contact.screened` only; the decision service requests them once a manager decides. A contact
   * screened before (the same contact sent again under a new message id) is left as it was: the
   * screening's primary key makes this a no-op, not a failure.
   */
  async screen(contact: ContactReceived, manager: EntityManager): Promise<void> {
    if (await manager.exists(Screening, { where: { contactId: contact.contactId } })) {
      this.logger.log(`contact ${contact.contactId} was already screened; nothing more to do`);
      return;
    }
    const lookups = await this.index.lookUpContact(manager, contact);
    if (lookups.some((lookup) => lookup.candidates)) {
      // A possible match: a contact officer confirms or rejects it before screening goes on
      // (index-matches/). Nothing is published until then.
      const held = await holdForReview(manager, contact, lookups, this.clock.now());
      if (held) {
        heldForReview.inc();
        this.logger.log(
          `contact ${contact.contactId} held for a contact officer: ` +
            `${lookups.filter((lookup) => lookup.candidates).length} child(ren) with possible matches in the index`,
        );
      }
      return;
    }
    await this.screenWith(
      contact,
      lookups.map((lookup) => lookup.result!),
      manager,
    );
  }

  /**
   * Screens a contact with what the index knew about each child (settled: found, not found, or
   * confirmed or rejected by a contact officer), in the caller's transaction.
   */
  async screenWith(
    contact: ContactReceived,
    socialCareIndex: SocialCareIndexResult[],
    manager: EntityManager,
  ): Promise<void> {
    const screenedAt = this.clock.now();
    const outcome = screenContact({ contact, socialCareIndex, screenedAt }, this.policy);
    const checks: RequestedCheck[] = outcome.checks.map((check) => ({
      checkId: randomUUID(),
      agency: check.agency,
      state: check.state,
      dueAt: iso(check.dueAt),
      subjectIds: check.subjectIds,
    }));
    const alerts: ScreeningAlert[] = outcome.alerts.map((alert) => ({
      ...alert,
      dueAt: alert.dueAt.toISOString(),
    }));
    const deadlines = {
      checksDueAt: iso(outcome.deadlines.checksDueAt),
      decisionDueAt: iso(outcome.deadlines.decisionDueAt),
      leaveHubBy: iso(outcome.deadlines.leaveHubBy),
    };

    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Screening)
      .values({
        contactId: contact.contactId,
        route: outcome.route,
        rag: outcome.rag,
        rationale: outcome.rationale,
        screenedAt,
        socialCareIndex,
        checks,
        profile: outcome.profile,
        children: outcome.children,
        alerts,
        consent: outcome.consent,
        checksDueAt: outcome.deadlines.checksDueAt,
        decisionDueAt: outcome.deadlines.decisionDueAt,
        leaveHubBy: outcome.deadlines.leaveHubBy,
      })
      .orIgnore()
      .returning(['contactId'])
      .execute();
    if (!inserted.raw.length) {
      this.logger.log(`contact ${contact.contactId} was already screened; nothing more to do`);
      return;
    }

    const subjects = checkSubjects(contact);
    const screened: ContactScreened = {
      contactId: contact.contactId,
      screenedAt: screenedAt.toISOString(),
      route: outcome.route,
      rag: outcome.rag,
      rationale: outcome.rationale,
      socialCareIndex,
      checks,
      contact,
      profile: outcome.profile,
      deadlines,
      consent: outcome.consent,
      alerts,
      children: outcome.children,
      subjects,
    };
    // contact.screened first: decision opens the MASH record before any agency can answer a check.
    await this.outbox.enqueue(manager, {
      type: MessageTypes.ContactScreened,
      correlationId: contact.contactId,
      body: screened,
    });

    const requested = checks.filter((check) => check.state === 'requested');
    for (const check of requested) {
      const asked = new Set(check.subjectIds);
      const request: CheckRequested = {
        checkId: check.checkId,
        contactId: contact.contactId,
        reference: contact.reference,
        agency: check.agency,
        rag: outcome.rag,
        requestedAt: screenedAt.toISOString(),
        dueAt: check.dueAt,
        concernCategories: contact.concern.categories,
        concernSummary: contact.concern.summary,
        subjects: subjects.filter((subject) => asked.has(subject.subjectId)),
      };
      await this.outbox.enqueue(manager, {
        type: MessageTypes.CheckRequested,
        correlationId: contact.contactId,
        routingKey: checkRequestedRoutingKey(check.agency),
        body: request,
      });
    }
    screenings.inc({ route: outcome.route, rag: outcome.rag });
    consentOutcomes.inc({ outcome: outcome.consent.outcome, exception: outcome.consent.exception ?? 'none' });
    this.logger.log(
      `contact ${contact.contactId} screened under ${outcome.profile}: route ${outcome.route}, rag ${outcome.rag}, ` +
        `consent ${outcome.consent.outcome}, ${requested.length} checks requested, ` +
        `${checks.length - requested.length} awaiting consent, ${alerts.length} alerts`,
    );
  }

  async find(contactId: string): Promise<ScreeningResponse> {
    const screening = await this.dataSource.manager.findOneBy(Screening, { contactId });
    if (!screening) throw new NotFoundError(`screening of contact ${contactId}`);
    return {
      contactId: screening.contactId,
      screenedAt: screening.screenedAt.toISOString(),
      route: screening.route,
      rag: screening.rag,
      rationale: screening.rationale,
      socialCareIndex: screening.socialCareIndex,
      checks: screening.checks,
      profile: screening.profile,
      children: screening.children,
      alerts: screening.alerts,
      consent: screening.consent,
      deadlines: {
        checksDueAt: iso(screening.checksDueAt),
        decisionDueAt: iso(screening.decisionDueAt),
        leaveHubBy: iso(screening.leaveHubBy),
      },
    };
  }
}
