import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CheckRequested } from '@mash/contracts';
import { PermanentMessageError } from '@mash/messaging';
import { Clock, CLOCK, currentTraceHeaders } from '@mash/platform';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { CheckMatcher } from './check-matcher';
import { AGENCY_NODE_SETTINGS, AgencyNodeSettings } from '../agency-node.config';
import { mayAnswerNoTraceAutomatically } from './automatic-answer';
import { CheckResponder, ResponseBreaksContractError } from './check-responder';
import { CheckCandidate } from './check-candidate.entity';
import { CheckSubjectKey } from './check-subject-key.entity';
import { Check } from './check.entity';
import { subjectIdentityKeys } from './subject-identity';

/**
 * Receives check requests from triage: stores each once with the candidate records found for its
 * subjects, and leaves it for a practitioner; only "no trace" may be answered without one, and only
 * where the node is configured to (AUTO_NO_TRACE).
 */
@Injectable()
export class CheckInboxService {
  private readonly logger = new Logger('checks');

  constructor(
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AGENCY_NODE_SETTINGS) private readonly settings: AgencyNodeSettings,
    private readonly matcher: CheckMatcher,
    private readonly responder: CheckResponder,
  ) {}

  /** Everything in `manager`, the transaction the message is acknowledged after. */
  async receive(message: CheckRequested, manager: EntityManager): Promise<void> {
    if (message.agency !== this.node.agency) {
      // Misrouted: answering would disclose this agency's records for a request meant for another.
      throw new PermanentMessageError(
        `check ${message.checkId} is for ${message.agency}, not ${this.node.agency}`,
      );
    }
    const check = await this.store(message, manager);
    if (!check) {
      // The inbox stops a redelivery; this stops the same check sent again under another message id.
      this.logger.log(`check ${message.checkId} already received; repeat ignored`);
      return;
    }
    const keys = check.subjects.flatMap((subject) =>
      subjectIdentityKeys(subject).map((key) => ({
        checkId: check.checkId,
        subjectId: subject.subjectId,
        key,
      })),
    );
    if (keys.length)
      await manager.createQueryBuilder().insert().into(CheckSubjectKey).values(keys).orIgnore().execute();

    const { candidates, notes } = await this.matcher.search(manager, check.subjects);
    if (notes.length) await manager.update(Check, { checkId: check.checkId }, { searchNotes: notes });
    if (candidates.length)
      await manager.insert(
        CheckCandidate,
        candidates.map((candidate) => ({ checkId: check.checkId, ...candidate, review: 'pending' as const })),
      );
    if (!this.settings.autoNoTrace || !mayAnswerNoTraceAutomatically(check.subjects, candidates)) {
      this.logger.log(`check ${check.checkId} waits for a practitioner: ${candidates.length} candidate(s)`);
      return;
    }
    try {
      await this.responder.answerNoTraceAutomatically(manager, check);
    } catch (error) {
      if (error instanceof ResponseBreaksContractError) throw new PermanentMessageError(error.message);
      throw error;
    }
  }

  private async store(message: CheckRequested, manager: EntityManager): Promise<Check | null> {
    const check: Check = {
      checkId: message.checkId,
      contactId: message.contactId,
      reference: message.reference,
      agency: message.agency,
      rag: message.rag,
      requestedAt: new Date(message.requestedAt),
      dueAt: message.dueAt ? new Date(message.dueAt) : null,
      receivedAt: this.clock.now(),
      status: 'open',
      subjects: message.subjects.map((subject) => ({ ...subject })),
      concernCategories: message.concernCategories,
      concernSummary: message.concernSummary,
      respondedAt: null,
      partialRespondedAt: null,
      traceHeaders: currentTraceHeaders(),
      chaseCount: 0,
      lastChasedAt: null,
      cancelledAt: null,
      cancelledBy: null,
      cancellationReason: null,
      searchNotes: [],
    };
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Check)
      .values(check)
      .orIgnore()
      .returning('check_id')
      .updateEntity(false)
      .execute();
    return inserted.raw.length ? check : null;
  }
}
