import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { CheckCancelled, CheckChased, CheckEscalated, CheckRetimed, MessageTypes } from '@mash/contracts';
import { Outbox, RetryableMessageError } from '@mash/messaging';
import { Clock, CLOCK, metricsRegistry } from '@mash/platform';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { CheckRulesError, Practitioner } from './check-answers.service';
import { CheckEscalation } from './check-escalation.entity';
import { escalationViolations } from './check-escalation';
import { Check } from './check.entity';
import { findCheck } from './find-check';
import type { EscalateCheckRequest } from './dto/escalate-check.request';

const lifecycleEvents = new Counter({
  name: 'mash_agency_check_lifecycle_total',
  help: 'Checks chased, withdrawn and re-timed by the hub, and escalated by the agency',
  labelNames: ['agency', 'event'],
  registers: [metricsRegistry],
});

/**
 * What happens to a check besides its answer. The hub chases an overdue check, withdraws one a manager
 * no longer needs and re-times one whose contact changed RAG (decision -> this agency's own queue); the
 * agency escalates heightened risk (this agency -> decision). Each message handler runs in the
 * consumer's transaction, so it is acknowledged only once its effect is committed.
 */
@Injectable()
export class CheckLifecycleService {
  private readonly logger = new Logger('checks');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  /** The chase number only grows, so a redelivered or late chase changes nothing. */
  async chased(message: CheckChased, manager: EntityManager): Promise<void> {
    const check = await this.known(manager, message.checkId);
    if (check.status !== 'open' || message.chaseNumber <= check.chaseCount) return;
    await manager.update(
      Check,
      { checkId: check.checkId },
      { chaseCount: message.chaseNumber, lastChasedAt: new Date(message.chasedAt) },
    );
    lifecycleEvents.inc({ agency: this.node.agency, event: 'chased' });
    this.logger.warn(`check ${check.checkId} chased by the hub (chase ${message.chaseNumber})`);
  }

  /** Withdrawn while open: it leaves the work list and can no longer be answered. An answered check stays answered. */
  async cancelled(message: CheckCancelled, manager: EntityManager): Promise<void> {
    const check = await this.known(manager, message.checkId);
    if (check.status !== 'open') return;
    await manager.update(
      Check,
      { checkId: check.checkId },
      {
        status: 'cancelled',
        cancelledAt: new Date(message.cancelledAt),
        cancelledBy: message.cancelledBy,
        cancellationReason: message.reason,
      },
    );
    lifecycleEvents.inc({ agency: this.node.agency, event: 'cancelled' });
    this.logger.log(`check ${check.checkId} withdrawn by the hub`);
  }

  /** The contact's RAG changed: an open check takes the new rating and due time. */
  async retimed(message: CheckRetimed, manager: EntityManager): Promise<void> {
    const check = await this.known(manager, message.checkId);
    if (check.status !== 'open') return;
    await manager.update(
      Check,
      { checkId: check.checkId },
      { rag: message.rag, dueAt: message.dueAt ? new Date(message.dueAt) : null },
    );
    lifecycleEvents.inc({ agency: this.node.agency, event: 'retimed' });
    this.logger.log(`check ${check.checkId} re-timed: rag ${message.rag}`);
  }

  /** A practitioner of this agency raises the RAG; the hub re-times every open check of the contact. */
  async escalate(
    checkId: string,
    request: EscalateCheckRequest,
    practitioner: Practitioner,
  ): Promise<CheckEscalated> {
    return this.dataSource.transaction(async (manager) => {
      const check = await findCheck(manager, checkId, { lock: true });
      const violations = escalationViolations(check, request.rag);
      if (violations.length)
        throw new CheckRulesError(
          'escalation-refused',
          'the escalation was refused; nothing was stored',
          violations,
        );
      const escalatedAt = this.clock.now();
      await manager.insert(CheckEscalation, {
        escalationId: randomUUID(),
        checkId: check.checkId,
        escalatedAt,
        escalatedBy: practitioner.id,
        fromRag: check.rag,
        rag: request.rag,
        reason: request.reason,
      });
      await manager.update(Check, { checkId: check.checkId }, { rag: request.rag });
      const escalated: CheckEscalated = {
        checkId: check.checkId,
        contactId: check.contactId,
        agency: this.node.agency,
        rag: request.rag,
        escalatedAt: escalatedAt.toISOString(),
        escalatedBy: practitioner.id,
        reason: request.reason,
      };
      await this.outbox.enqueue(manager, {
        type: MessageTypes.CheckEscalated,
        correlationId: check.contactId,
        body: escalated,
      });
      lifecycleEvents.inc({ agency: this.node.agency, event: 'escalated' });
      this.logger.warn(`check ${check.checkId} escalated to ${request.rag}`);
      return escalated;
    });
  }

  /** A message about a check this node has not received yet is retried: its request may be on its way. */
  private async known(manager: EntityManager, checkId: string): Promise<Check> {
    const check = await manager.findOne(Check, { where: { checkId }, lock: { mode: 'pessimistic_write' } });
    if (!check) throw new RetryableMessageError(`check ${checkId} has not been received`);
    return check;
  }
}
