import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CheckResponded, FieldViolation } from '@mash/contracts';
import {
  Clock,
  CLOCK,
  ConflictError,
  contextFromHeaders,
  DomainError,
  IDEMPOTENCY_KEY_HEADER,
  metricsRegistry,
  withSpan,
} from '@mash/platform';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { AgencyFact } from '../records/agency-fact.entity';
import { AgencyPerson } from '../records/agency-person.entity';
import { CheckCandidate } from './check-candidate.entity';
import { reviewViolations } from './candidate-review';
import { CheckResponder } from './check-responder';
import { CheckResponseRecord } from './check-response.entity';
import { Check } from './check.entity';
import { findCheck } from './find-check';
import type { AddCandidateRequest } from './dto/add-candidate.request';
import type { CheckResponseRequest } from './dto/check-response.request';
import type { ReviewCandidatesRequest } from './dto/review-candidates.request';
import { answerAsSent, answerRequestHash, repeatViolations } from './idempotent-answer';
import { addedCandidateViolations, practitionerCandidate } from './practitioner-candidate';
import { vetPractitionerResponse } from './practitioner-response';

const candidatesAdded = new Counter({
  name: 'mash_agency_candidates_added_total',
  help: 'Records a practitioner added as candidates from their own search: people the matcher did not propose',
  labelNames: ['agency'],
  registers: [metricsRegistry],
});

const candidatesReviewed = new Counter({
  name: 'mash_agency_candidates_reviewed_total',
  help: 'Candidate records a practitioner confirmed or rejected, by agency, review and the confidence the node had',
  labelNames: ['agency', 'review', 'confidence'],
  registers: [metricsRegistry],
});

export class CheckAlreadyAnsweredError extends ConflictError {
  constructor(checkId: string) {
    super(
      'check-already-answered',
      `check ${checkId} has been answered completely; its candidates and answer can no longer change`,
    );
  }
}

export class CandidateAlreadyProposedError extends ConflictError {
  constructor(checkId: string) {
    super(
      'already-a-candidate',
      `that record is already a candidate for that subject of check ${checkId}; review it instead`,
    );
  }
}

export class CheckWithdrawnError extends ConflictError {
  constructor(checkId: string) {
    super('check-withdrawn', `check ${checkId} was withdrawn by the hub; it can no longer be answered`);
  }
}

/** A well-formed request that breaks a rule of the check (422), each broken rule naming its field. */
export class CheckRulesError extends DomainError {
  constructor(code: string, message: string, violations: FieldViolation[]) {
    super(code, message, HttpStatus.UNPROCESSABLE_ENTITY, violations);
  }
}

/** Who is acting: the token's subject, never their name. */
export interface Practitioner {
  id: string;
}

/**
 * A practitioner's work on a check: confirming or rejecting the candidate records, then answering
 * (in part, then completely). Each runs in one transaction holding the check's row lock, so two
 * practitioners on the same check cannot interleave a review with an answer, and nothing is half-stored.
 */
@Injectable()
export class CheckAnswersService {
  private readonly logger = new Logger('checks');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly responder: CheckResponder,
  ) {}

  async reviewCandidates(
    checkId: string,
    request: ReviewCandidatesRequest,
    practitioner: Practitioner,
  ): Promise<CheckCandidate[]> {
    return this.dataSource.transaction(async (manager) => {
      const check = await this.lockOpenCheck(manager, checkId);
      const candidates = await manager.find(CheckCandidate, { where: { checkId: check.checkId } });
      const violations = reviewViolations(request.reviews, candidates);
      if (violations.length)
        throw new CheckRulesError(
          'review-refused',
          'the reviews do not fit the candidates of this check; nothing was stored',
          violations,
        );
      const reviewedAt = this.clock.now();
      for (const review of request.reviews) {
        await manager.update(
          CheckCandidate,
          { checkId: check.checkId, subjectId: review.subjectId, recordId: review.recordId },
          { review: review.review, reviewedBy: practitioner.id, reviewedAt },
        );
        const candidate = candidates.find(
          (known) => known.subjectId === review.subjectId && known.recordId === review.recordId,
        )!;
        candidatesReviewed.inc({
          agency: this.node.agency,
          review: review.review,
          confidence: candidate.confidence,
        });
      }
      this.logger.log(`check ${check.checkId}: ${request.reviews.length} candidate(s) reviewed`);
      return manager.find(CheckCandidate, {
        where: { checkId: check.checkId },
        order: { subjectId: 'ASC', recordId: 'ASC' },
      });
    });
  }

  /**
   * A record the practitioner found by their own search (the matcher did not propose it for this
   * subject), added as a candidate already confirmed by them (practitioner-candidate.ts). 422 for a
   * subject not of this check or a record the agency does not hold, 409 if the pair is already a
   * candidate (review it instead) or the check is completely answered or withdrawn.
   */
  async addCandidate(
    checkId: string,
    request: AddCandidateRequest,
    practitioner: Practitioner,
  ): Promise<CheckCandidate> {
    return this.dataSource.transaction(async (manager) => {
      const check = await this.lockOpenCheck(manager, checkId);
      const person = await manager.findOneBy(AgencyPerson, { recordId: request.recordId });
      const violations = addedCandidateViolations(request, check.subjects, person !== null);
      if (violations.length)
        throw new CheckRulesError(
          'candidate-refused',
          'the candidate does not fit this check or these records; nothing was stored',
          violations,
        );
      const known = await manager.existsBy(CheckCandidate, {
        checkId: check.checkId,
        subjectId: request.subjectId,
        recordId: request.recordId,
      });
      if (known) throw new CandidateAlreadyProposedError(check.checkId);
      const candidate = practitionerCandidate({
        checkId: check.checkId,
        subject: check.subjects.find((subject) => subject.subjectId === request.subjectId)!,
        record: person!,
        reason: request.reason,
        practitionerId: practitioner.id,
        addedAt: this.clock.now(),
      });
      await manager.insert(CheckCandidate, candidate);
      candidatesAdded.inc({ agency: this.node.agency });
      this.logger.log(`check ${check.checkId}: a practitioner added a candidate for ${candidate.subjectId}`);
      return candidate;
    });
  }

  /**
   * With an `idempotencyKey` (the client's Idempotency-Key header), a request repeated after a timeout
   * gets the first answer back and nothing is sent, logged or stored again, even after the check was
   * answered completely; the key reused for a different request is refused (422). The check's row lock
   * makes a concurrent repeat wait for the first to commit and then find it; the unique index on the
   * key stops a second answer in any case.
   */
  async respond(
    checkId: string,
    request: CheckResponseRequest,
    practitioner: Practitioner,
    idempotencyKey?: string,
  ): Promise<CheckResponded> {
    const idempotency = idempotencyKey
      ? { key: idempotencyKey, requestHash: answerRequestHash(request, practitioner.id) }
      : undefined;
    return this.dataSource.transaction(async (manager) => {
      const check = await this.lockCheck(manager, checkId);
      if (idempotency) {
        const earlier = await manager.findOneBy(CheckResponseRecord, {
          checkId: check.checkId,
          idempotencyKey: idempotency.key,
        });
        if (earlier) {
          const violations = repeatViolations(earlier, idempotency.requestHash);
          if (violations.length)
            throw new CheckRulesError(
              'idempotency-key-reused',
              `${IDEMPOTENCY_KEY_HEADER} was used before on this check for a different request; nothing was stored or sent`,
              violations,
            );
          this.logger.log(
            `check ${check.checkId}: a repeated answer (same ${IDEMPOTENCY_KEY_HEADER}) given the first back; nothing sent again`,
          );
          return answerAsSent(check, earlier);
        }
      }
      assertOpen(check);
      const candidates = await manager.find(CheckCandidate, { where: { checkId: check.checkId } });
      const confirmedRecords = candidates
        .filter((candidate) => candidate.review === 'confirmed')
        .map((candidate) => candidate.recordId);
      const named = request.matchedRecordIds.filter((recordId) => confirmedRecords.includes(recordId));
      const facts = named.length
        ? await manager.find(AgencyFact, {
            select: {
              factId: true,
              recordId: true,
              kind: true,
              classification: true,
              details: true,
              summary: true,
            },
            where: { recordId: In(named) },
          })
        : [];
      const vetted = vetPractitionerResponse(request, {
        check,
        candidates,
        facts,
        recordKinds: this.node.recordKinds,
        respondedAt: this.clock.now(),
        respondedBy: practitioner.id,
      });
      if (!vetted.ok)
        throw new CheckRulesError(
          'response-refused',
          'the response breaks the rules of sharing; nothing was stored or sent',
          vetted.violations,
        );
      // Hours after the request, the answer still belongs to the contact's one trace (DESIGN.md, Observability).
      return withSpan(
        'check.answer',
        { parent: contextFromHeaders(check.traceHeaders), attributes: { 'mash.check_id': check.checkId } },
        () => this.responder.send(manager, check, vetted.response, vetted.storedItems, idempotency),
      );
    });
  }

  /** The check, locked for this transaction; 404 unknown, 409 once completely answered or withdrawn. */
  private async lockOpenCheck(manager: EntityManager, checkId: string): Promise<Check> {
    const check = await this.lockCheck(manager, checkId);
    assertOpen(check);
    return check;
  }

  /** The check, locked for this transaction, whatever its status; 404 unknown. */
  private async lockCheck(manager: EntityManager, checkId: string): Promise<Check> {
    return findCheck(manager, checkId, { lock: true });
  }
}

/** 409 once the check is completely answered or withdrawn: its candidates and answer can no longer change. */
function assertOpen(check: Check): void {
  if (check.status === 'cancelled') throw new CheckWithdrawnError(check.checkId);
  if (check.status !== 'open') throw new CheckAlreadyAnsweredError(check.checkId);
}
