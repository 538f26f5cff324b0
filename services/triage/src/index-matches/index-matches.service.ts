import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import type { Address, Gender, SocialCareIndexResult, SocialCareStatus } from '@mash/contracts';
import {
  Clock,
  CLOCK,
  ConflictError,
  DomainError,
  metricsRegistry,
  NotFoundError,
  Principal,
} from '@mash/platform';
import { ScreeningService } from '../screening/screening.service';
import { SocialCareIndexService } from '../social-care-index/social-care-index.service';
import type {
  IndexMatchResponse,
  IndexMatchSummaryResponse,
  IndexRecordView,
} from './dto/index-match.response';
import type { ReviewIndexMatchesRequest } from './dto/review-index-matches.request';
import { applyIndexReviews, ChildUnderReview, confirmedOf, isSettled } from './index-match-review';
import { IndexMatchReview } from './index-match-review.entity';

const reviewed = new Counter({
  name: 'mash_triage_index_candidates_reviewed_total',
  help: 'Possible matches in the social care index reviewed by a contact officer, by review and confidence',
  labelNames: ['review', 'confidence'],
  registers: [metricsRegistry],
});

interface RecordRow {
  record_id: string;
  given_name: string;
  family_name: string;
  other_names: string[];
  date_of_birth: string | null;
  unborn: boolean;
  expected_due_date: string | null;
  gender: Gender | null;
  address: Address | null;
  status: SocialCareStatus;
  allocated_worker: string | null;
  team: string | null;
}

/**
 * Possible matches in the social care index, put to a contact officer (issue 17): a contact held at
 * screening because a child may be a record of the index is screened once every such child is settled
 * (a record confirmed, or every possible match rejected), in the same transaction as the last review.
 */
@Injectable()
export class IndexMatchesService {
  private readonly logger = new Logger('index-matches');

  constructor(
    private readonly dataSource: DataSource,
    private readonly screening: ScreeningService,
    private readonly index: SocialCareIndexService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The work list: held contacts, oldest received first (`status` awaiting-review by default). */
  async list(
    status: 'awaiting-review' | 'screened' = 'awaiting-review',
  ): Promise<IndexMatchSummaryResponse[]> {
    const rows = await this.dataSource.manager.find(IndexMatchReview, {
      where: { status },
      order: { receivedAt: 'ASC', contactId: 'ASC' },
      take: 500,
    });
    return rows.map((row) => summaryOf(row));
  }

  async find(contactId: string): Promise<IndexMatchResponse> {
    const row = await this.dataSource.manager.findOneBy(IndexMatchReview, { contactId });
    if (!row) throw new NotFoundError(`possible matches of contact ${contactId}`);
    return this.view(this.dataSource.manager, row);
  }

  /**
   * Stores a contact officer's reviews, all or none (422 naming `reviews[i]` and the rule; 409 once the
   * contact is screened); when every child is settled, screens the contact in the same transaction and
   * erases the contact from the row.
   */
  async review(
    contactId: string,
    request: ReviewIndexMatchesRequest,
    reviewer: Principal,
  ): Promise<IndexMatchResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(IndexMatchReview, {
        where: { contactId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new NotFoundError(`possible matches of contact ${contactId}`);
      if (row.status !== 'awaiting-review' || !row.contact)
        throw new ConflictError('already-screened', 'the contact has been screened; its reviews are final');
      const now = this.clock.now();
      const { children, violations } = applyIndexReviews(row.children, request.reviews, reviewer.id, now);
      if (violations.length)
        throw new DomainError(
          'invalid-review',
          'the reviews break a rule; nothing was stored',
          422,
          violations,
        );
      for (const one of request.reviews) {
        const candidate = children
          .find((child) => child.childIndex === one.childIndex)
          ?.candidates.find((c) => c.recordId === one.recordId);
        reviewed.inc({ review: one.review, confidence: candidate?.confidence ?? 'possible-match' });
      }
      row.children = children;
      if (children.every(isSettled)) {
        const socialCareIndex = await this.settledResults(manager, row.settled, children);
        await this.screening.screenWith(row.contact, socialCareIndex, manager);
        row.status = 'screened';
        row.contact = null;
        row.screenedAt = now;
        this.logger.log(
          `contact ${contactId} screened after a contact officer reviewed its possible matches`,
        );
      }
      await manager.save(IndexMatchReview, row);
      return this.view(manager, row);
    });
  }

  private async settledResults(
    manager: EntityManager,
    settled: readonly SocialCareIndexResult[],
    children: readonly ChildUnderReview[],
  ): Promise<SocialCareIndexResult[]> {
    const results = [...settled];
    for (const child of children) {
      const confirmed = confirmedOf(child);
      const rejected = child.candidates.filter((candidate) => candidate.review === 'rejected').length;
      results.push(
        await this.index.resultFor(
          manager,
          child.childIndex,
          confirmed?.recordId ?? null,
          confirmed?.match ?? 'confirmed',
          confirmed ? [...confirmed.reasons, 'confirmed by a contact officer'] : [],
          rejected,
        ),
      );
    }
    return results.sort((a, b) => a.childIndex - b.childIndex);
  }

  private async view(manager: EntityManager, row: IndexMatchReview): Promise<IndexMatchResponse> {
    const ids = row.children.flatMap((child) => child.candidates.map((candidate) => candidate.recordId));
    const records: RecordRow[] = ids.length
      ? await manager.query(
          `SELECT record_id, given_name, family_name, other_names, date_of_birth::text AS date_of_birth, unborn,
                  expected_due_date::text AS expected_due_date, gender, address, status, allocated_worker, team
             FROM social_care_index WHERE record_id = ANY($1::text[])`,
          [ids],
        )
      : [];
    const byId = new Map(records.map((record) => [record.record_id, recordView(record)]));
    return {
      ...summaryOf(row),
      children: row.children.map((child) => {
        const referred = row.contact?.children[child.childIndex];
        return {
          childIndex: child.childIndex,
          settled: isSettled(child),
          child: referred
            ? {
                givenName: referred.givenName,
                familyName: referred.familyName,
                otherNames: referred.otherNames ?? [],
                dateOfBirth: referred.dateOfBirth ?? null,
                approximateAge: referred.approximateAge ?? null,
                unborn: referred.unborn === true,
                expectedDueDate: referred.expectedDueDate ?? null,
                address: referred.address ?? null,
              }
            : null,
          candidates: child.candidates.map((candidate) => ({
            recordId: candidate.recordId,
            confidence: candidate.confidence,
            score: candidate.score,
            reasons: candidate.reasons,
            match: candidate.match,
            review: candidate.review,
            reviewedBy: candidate.reviewedBy,
            reviewedAt: candidate.reviewedAt,
            record: byId.get(candidate.recordId) ?? null,
          })),
        };
      }),
    };
  }
}

function summaryOf(row: IndexMatchReview): IndexMatchSummaryResponse {
  const open = row.children.filter((child) => !isSettled(child));
  return {
    contactId: row.contactId,
    reference: row.reference,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    heldAt: row.createdAt.toISOString(),
    screenedAt: row.screenedAt ? row.screenedAt.toISOString() : null,
    childrenToReview: open.length,
    candidatesToReview: row.children.reduce(
      (sum, child) => sum + child.candidates.filter((candidate) => candidate.review === null).length,
      0,
    ),
  };
}

function recordView(row: RecordRow): IndexRecordView {
  return {
    recordId: row.record_id,
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: row.other_names ?? [],
    dateOfBirth: row.date_of_birth,
    unborn: row.unborn,
    expectedDueDate: row.expected_due_date,
    gender: row.gender,
    address: row.address,
    status: row.status,
    allocatedWorker: row.allocated_worker,
    team: row.team,
  };
}
