import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { EntityManager, In } from 'typeorm';
import { CheckResponded, MessageTypes, validateMessage } from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import { Clock, CLOCK, DomainError, metricsRegistry } from '@mash/platform';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { disclosureEntry } from '../disclosures/disclosure-entry';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { AgencyPerson } from '../records/agency-person.entity';
import type { FoundCandidate } from './check-matcher';
import { buildCheckResponse, ConfirmedMatch } from './check-response';
import { CheckResponseRecord } from './check-response.entity';
import { Check } from './check.entity';

const checksAnswered = new Counter({
  name: 'mash_agency_checks_answered_total',
  help: 'Checks an agency node answered, by agency, RAG and whether it held anything',
  labelNames: ['agency', 'rag', 'trace', 'responded_by'],
  registers: [metricsRegistry],
});

/** The answer would be refused by the decision service (e.g. too many items for one message). */
export class ResponseBreaksContractError extends DomainError {
  constructor(checkId: string, reason: string) {
    super(
      'response-breaks-contract',
      `the response to check ${checkId} breaks the contract: ${reason}`,
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

/**
 * Answers a check from the matches someone (for now the node itself) has confirmed: builds the
 * response, stores it, logs the disclosure and enqueues `check.responded`, all in the caller's
 * transaction. A later practitioner review, and response signing, go through here too.
 */
@Injectable()
export class CheckResponder {
  private readonly logger = new Logger('checks');

  constructor(
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly disclosures: DisclosuresService,
  ) {}

  /** The automatic answer: every exact match is confirmed, with no person involved. */
  respondAutomatically(
    manager: EntityManager,
    check: Check,
    candidates: readonly FoundCandidate[],
  ): Promise<CheckResponded> {
    return this.respond(
      manager,
      check,
      candidates.filter((candidate) => candidate.confidence === 'match'),
      'automatic',
    );
  }

  async respond(
    manager: EntityManager,
    check: Check,
    confirmed: readonly FoundCandidate[],
    respondedBy: string,
  ): Promise<CheckResponded> {
    const recordIds = [...new Set(confirmed.map((candidate) => candidate.recordId))];
    const people = recordIds.length
      ? await manager.find(AgencyPerson, { where: { recordId: In(recordIds) }, relations: { facts: true } })
      : [];
    const byId = new Map(people.map((person) => [person.recordId, person]));
    const matches: ConfirmedMatch[] = confirmed.flatMap((candidate) => {
      const person = byId.get(candidate.recordId);
      if (!person) return [];
      return [
        {
          subjectId: candidate.subjectId,
          confidence: candidate.confidence,
          record: {
            recordId: person.recordId,
            facts: (person.facts ?? []).map((fact) => ({
              factId: fact.factId,
              date: fact.date,
              kind: fact.kind,
              summary: fact.summary,
              classification: fact.classification,
              severity: fact.severity,
              role: fact.role,
            })),
          },
        },
      ];
    });

    const response = buildCheckResponse({
      check,
      matches,
      recordKinds: this.node.recordKinds,
      analyse: this.node.analyse,
      respondedAt: this.clock.now(),
      respondedBy,
    });
    const valid = validateMessage(MessageTypes.CheckResponded, response);
    if (!valid.ok) throw new ResponseBreaksContractError(check.checkId, valid.reason);

    await manager.insert(CheckResponseRecord, {
      checkId: response.checkId,
      respondedAt: new Date(response.respondedAt),
      respondedBy: response.respondedBy,
      rag: response.rag,
      noTrace: response.noTrace,
      analysis: response.analysis,
      matches: response.matches,
      items: response.items,
    });
    await manager.update(
      Check,
      { checkId: check.checkId },
      { status: 'responded', respondedAt: new Date(response.respondedAt) },
    );
    await this.disclosures.record(manager, disclosureEntry(check, response));
    await this.outbox.enqueue(manager, {
      type: MessageTypes.CheckResponded,
      correlationId: check.contactId,
      body: response,
    });

    checksAnswered.inc({
      agency: this.node.agency,
      rag: response.rag,
      trace: response.noTrace ? 'no-trace' : 'trace',
      responded_by: respondedBy === 'automatic' ? 'automatic' : 'practitioner',
    });
    this.logger.log(
      `check ${check.checkId} answered: rag ${response.rag}, ${response.matches.length} match(es), ${response.items.length} item(s)`,
    );
    return response;
  }
}
