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
  SocialCareIndexResult,
} from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import { Clock, CLOCK, metricsRegistry, NotFoundError } from '@mash/platform';
import { SocialCareIndexService } from '../social-care-index/social-care-index.service';
import { checkSubjects } from './check-subjects';
import type { ScreeningResponse } from './dto/screening.response';
import { Screening } from './screening.entity';
import { screenContact } from './screening-rules';

const screenings = new Counter({
  name: 'mash_triage_screenings_total',
  help: 'Contacts screened, by route and initial RAG rating',
  labelNames: ['route', 'rag'],
  registers: [metricsRegistry],
});

@Injectable()
export class ScreeningService {
  private readonly logger = new Logger('screening');

  constructor(
    private readonly dataSource: DataSource,
    private readonly index: SocialCareIndexService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Screens one contact in the consumer's transaction: looks each child up in the social care index,
   * applies the screening rules, stores the screening and enqueues `contact.screened` followed by one
   * `check.requested` per agency. A contact screened before (the same contact sent again under a new
   * message id) is left as it was: the screening's primary key makes this a no-op, not a failure.
   */
  async screen(contact: ContactReceived, manager: EntityManager): Promise<void> {
    const indexResults: SocialCareIndexResult[] = [];
    for (const [childIndex, child] of contact.children.entries()) {
      indexResults.push(await this.index.lookUp(manager, child, childIndex));
    }
    const outcome = screenContact(contact, indexResults);
    const screenedAt = this.clock.now();
    const checks: RequestedCheck[] = outcome.agencies.map((agency) => ({ checkId: randomUUID(), agency }));

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
        socialCareIndex: indexResults,
        checks,
      })
      .orIgnore()
      .returning(['contactId'])
      .execute();
    if (!inserted.raw.length) {
      this.logger.log(`contact ${contact.contactId} was already screened; nothing more to do`);
      return;
    }

    const screened: ContactScreened = {
      contactId: contact.contactId,
      screenedAt: screenedAt.toISOString(),
      route: outcome.route,
      rag: outcome.rag,
      rationale: outcome.rationale,
      socialCareIndex: indexResults,
      checks,
      contact,
    };
    // contact.screened first: decision opens the MASH record before any agency can answer a check.
    await this.outbox.enqueue(manager, {
      type: MessageTypes.ContactScreened,
      correlationId: contact.contactId,
      body: screened,
    });

    const subjects = checkSubjects(contact);
    for (const check of checks) {
      const request: CheckRequested = {
        checkId: check.checkId,
        contactId: contact.contactId,
        reference: contact.reference,
        agency: check.agency,
        rag: outcome.rag,
        requestedAt: screenedAt.toISOString(),
        dueAt: null,
        concernCategories: contact.concern.categories,
        concernSummary: contact.concern.summary,
        subjects,
      };
      await this.outbox.enqueue(manager, {
        type: MessageTypes.CheckRequested,
        correlationId: contact.contactId,
        routingKey: checkRequestedRoutingKey(check.agency),
        body: request,
      });
    }
    screenings.inc({ route: outcome.route, rag: outcome.rag });
    this.logger.log(
      `contact ${contact.contactId} screened: route ${outcome.route}, rag ${outcome.rag}, ${checks.length} checks requested`,
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
    };
  }
}
