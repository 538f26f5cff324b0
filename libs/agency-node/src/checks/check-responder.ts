import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { CheckResponded, MessageTypes, validateMessage } from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import { Clock, CLOCK, DomainError, metricsRegistry } from '@mash/platform';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { disclosureEntry } from '../disclosures/disclosure-entry';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { buildCheckResponse } from './check-response';
import { CheckResponseRecord, StoredCheckItem } from './check-response.entity';
import { Check } from './check.entity';

const checksAnswered = new Counter({
  name: 'mash_agency_checks_answered_total',
  help: 'Answers an agency node sent, by agency, RAG, whether it held anything, who answered and whether the answer was partial',
  labelNames: ['agency', 'rag', 'trace', 'responded_by', 'answer'],
  registers: [metricsRegistry],
});

/** Who answers when no person does. */
export const AUTOMATIC = 'automatic';

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
 * Sends an answer to a check, whoever wrote it (the node's automatic no trace, or a practitioner):
 * checks it against the contract, stores it, moves the check on, writes the disclosure log and
 * enqueues `check.responded`, all in the caller's transaction. The outbox publishes it signed with the
 * node's own key (libs/messaging message-signing), so every answer, automatic or a person's, is signed.
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

  /** "No trace", green, nothing shared: the only answer the node may give without a person. */
  answerNoTraceAutomatically(manager: EntityManager, check: Check): Promise<CheckResponded> {
    const response = buildCheckResponse({
      check,
      matches: [],
      recordKinds: this.node.recordKinds,
      analyse: this.node.analyse,
      respondedAt: this.clock.now(),
      respondedBy: AUTOMATIC,
    });
    return this.send(manager, check, response, []);
  }

  /**
   * `storedItems` are the response's items in the same order, with what the node keeps about each
   * (the fact it was written from) and the wire does not carry. `idempotency`: the client's key and the
   * request's hash (idempotent-answer.ts), stored with the answer so a repeat finds it.
   */
  async send(
    manager: EntityManager,
    check: Check,
    response: CheckResponded,
    storedItems: readonly StoredCheckItem[],
    idempotency?: { key: string; requestHash: string },
  ): Promise<CheckResponded> {
    const valid = validateMessage(MessageTypes.CheckResponded, response);
    if (!valid.ok) throw new ResponseBreaksContractError(check.checkId, valid.reason);

    const respondedAt = new Date(response.respondedAt);
    const responseId = randomUUID();
    const partial = response.partial === true;
    await manager.insert(CheckResponseRecord, {
      responseId,
      checkId: response.checkId,
      respondedAt,
      respondedBy: response.respondedBy,
      rag: response.rag,
      noTrace: response.noTrace,
      analysis: response.analysis,
      matches: response.matches,
      items: storedItems.length === response.items.length ? [...storedItems] : response.items,
      partial,
      awaiting: response.awaiting ?? [],
      idempotencyKey: idempotency?.key ?? null,
      requestHash: idempotency?.requestHash ?? null,
    });
    await manager.update(
      Check,
      { checkId: check.checkId },
      partial ? { partialRespondedAt: respondedAt } : { status: 'responded', respondedAt },
    );
    await this.disclosures.record(manager, disclosureEntry(check, response, responseId));
    await this.outbox.enqueue(manager, {
      type: MessageTypes.CheckResponded,
      correlationId: check.contactId,
      body: response,
    });

    checksAnswered.inc({
      agency: this.node.agency,
      rag: response.rag,
      trace: response.noTrace ? 'no-trace' : 'trace',
      responded_by: response.respondedBy === AUTOMATIC ? 'automatic' : 'practitioner',
      answer: partial ? 'partial' : 'complete',
    });
    this.logger.log(
      `check ${check.checkId} answered${partial ? ' in part' : ''}: rag ${response.rag}, ${response.matches.length} match(es), ${response.items.length} item(s)`,
    );
    return response;
  }
}
