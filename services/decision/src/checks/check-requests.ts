import { HttpStatus, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { agencyRoutingKey, checkRequestedRoutingKey, MessageTypes, type RagRating } from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import { DomainError, metricsRegistry } from '@mash/platform';
import { AuditActor, AuditTrail } from '../audit/audit-trail';
import type { MashRecord } from '../records/mash-record.entity';
import { RecordCheck } from '../records/record-check.entity';
import { isOutstanding } from '../records/record-status';
import { retimedCheckState } from '../timescales/overdue-checks';
import { subjectsForCheck } from './agency-subjects';
import { checkCancelledMessage, checkRequestedMessage, checkRetimedMessage } from './check-messages';

const checksRequested = new Counter({
  name: 'mash_decision_checks_requested_total',
  help: 'Checks the decision service sent to an agency itself, by agency and cause',
  labelNames: ['agency', 'cause'],
  registers: [metricsRegistry],
});
const checksCancelled = new Counter({
  name: 'mash_checks_cancelled_total',
  help: 'Checks withdrawn by a team manager, by agency',
  labelNames: ['agency'],
  registers: [metricsRegistry],
});
const checksRetimed = new Counter({
  name: 'mash_checks_retimed_total',
  help: 'Open checks re-timed because the RAG changed, by agency',
  labelNames: ['agency'],
  registers: [metricsRegistry],
});

/** A check cannot be sent when screening did not say who the agencies are to search for. */
export class NoCheckSubjectsError extends DomainError {
  constructor() {
    super(
      'no-check-subjects',
      'there is nobody on this record for the agency to search for (or screening did not name the people), so the check cannot be requested',
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

export type CheckRequestCause = 'consent' | 'agencies-change';

/**
 * What the decision service tells one agency about one check, each on that agency's own queue
 * (`<type>.<agency>`), through the outbox in the caller's transaction.
 */
@Injectable()
export class CheckRequests {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Sends the check to its agency now, due at `dueAt`: the check becomes `requested` and
   * `check.requested` goes to the agency's own queue. The request carries the people to search for,
   * so it is a disclosure and is audited as one (which agency, which check, how many people; never who).
   */
  async send(
    manager: EntityManager,
    record: Pick<MashRecord, 'contactId' | 'reference' | 'contact' | 'subjects'>,
    check: RecordCheck,
    request: { rag: RagRating; dueAt: Date | null; at: Date; actor: AuditActor; cause: CheckRequestCause },
  ): Promise<void> {
    const subjects = subjectsForCheck(check, record.subjects ?? [], record.contact);
    if (!subjects.length) throw new NoCheckSubjectsError();
    check.status = 'requested';
    check.requestedAt = request.at;
    check.dueAt = request.dueAt;
    await manager.save(RecordCheck, check);
    await this.outbox.enqueue(manager, {
      type: MessageTypes.CheckRequested,
      correlationId: record.contactId,
      routingKey: checkRequestedRoutingKey(check.agency),
      body: checkRequestedMessage(record, check, request.rag, request.at, subjects),
    });
    await this.audit.write(manager, {
      actor: request.actor,
      action: 'request-check',
      contactId: record.contactId,
      detail: {
        checkId: check.checkId,
        agency: check.agency,
        subjects: subjects.length,
        cause: request.cause,
      },
    });
    checksRequested.inc({ agency: check.agency, cause: request.cause });
  }

  /**
   * Withdraws a check. The agency is told (`check.cancelled`) only when it had been asked; a check
   * still awaiting consent never left the hub, so there is nothing to withdraw from the agency.
   */
  async cancel(
    manager: EntityManager,
    check: RecordCheck,
    cancellation: { at: Date; by: string; reason: string },
  ): Promise<void> {
    const wasSent = isOutstanding(check.status);
    check.status = 'cancelled';
    check.cancelledAt = cancellation.at;
    check.cancelledBy = cancellation.by;
    check.cancelReason = cancellation.reason;
    await manager.save(RecordCheck, check);
    if (wasSent) {
      await this.outbox.enqueue(manager, {
        type: MessageTypes.CheckCancelled,
        correlationId: check.contactId,
        routingKey: agencyRoutingKey(MessageTypes.CheckCancelled, check.agency),
        body: checkCancelledMessage(check, cancellation.at, cancellation.by, cancellation.reason),
      });
    }
    checksCancelled.inc({ agency: check.agency });
  }

  /**
   * Gives every check still owed its new due time and rating, and tells each agency
   * (`check.retimed`). Returns the checks re-timed.
   */
  async retimeOpenChecks(
    manager: EntityManager,
    checks: readonly RecordCheck[],
    retiming: { rag: RagRating; dueAt: Date | null; at: Date },
  ): Promise<RecordCheck[]> {
    const open = checks.filter((check) => isOutstanding(check.status));
    for (const check of open) {
      const state = retimedCheckState(check, retiming.dueAt, retiming.at);
      check.dueAt = retiming.dueAt;
      check.status = state.status;
      check.lastChasedAt = state.lastChasedAt;
      await manager.save(RecordCheck, check);
      await this.outbox.enqueue(manager, {
        type: MessageTypes.CheckRetimed,
        correlationId: check.contactId,
        routingKey: agencyRoutingKey(MessageTypes.CheckRetimed, check.agency),
        body: checkRetimedMessage(check, retiming.rag, retiming.at),
      });
      checksRetimed.inc({ agency: check.agency });
    }
    return open;
  }
}
