import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock, CLOCK, type Principal } from '@mash/platform';
import { ViewAuditService } from '../audit/view-audit.service';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import { AgencyPerson } from '../records/agency-person.entity';
import { searchAgencyRecords } from '../records/record-search';
import { CheckCandidate } from './check-candidate.entity';
import { practitionerDraft } from './check-draft';
import type { ConfirmedMatch } from './check-response';
import { CheckResponseRecord } from './check-response.entity';
import { Check } from './check.entity';
import type {
  AgencyRecordView,
  CheckAnswerView,
  CheckCandidateReviewView,
  CheckDetailResponse,
  CheckDraftView,
  CheckSummaryResponse,
  PreviousAnswerLink,
  PreviousAnswerView,
} from './dto/check.response';
import type { ListChecksQuery } from './dto/list-checks.query';
import type { RecordSearchResponse } from './dto/record-search.response';
import { findCheck } from './find-check';
import { timeLeft } from './time-left';

/** How many earlier answers about the same people a check shows. */
const PREVIOUS_ANSWERS_MAX = 20;

/** What practitioners and operators read about this node's checks. */
@Injectable()
export class ChecksService {
  private readonly logger = new Logger('checks');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: ViewAuditService,
  ) {}

  /** Soonest due first; checks with no due date after those with one, then the oldest request first. */
  async list(query: ListChecksQuery): Promise<CheckSummaryResponse[]> {
    const builder = this.dataSource
      .getRepository(Check)
      .createQueryBuilder('check')
      .orderBy('check.dueAt', 'ASC', 'NULLS LAST')
      .addOrderBy('check.requestedAt', 'ASC')
      .addOrderBy('check.checkId', 'ASC')
      .take(query.limit ?? 200);
    if (query.status) builder.where('check.status = :status', { status: query.status });
    const checks = await builder.getMany();
    const counts = await this.candidateCounts(checks.map((check) => check.checkId));
    const now = this.clock.now();
    return checks.map((check) => toSummary(check, now, counts.get(check.checkId) ?? NO_CANDIDATES));
  }

  /**
   * A check with everything a practitioner needs to answer it. `withDraft`: also the draft answer
   * (for the agency's own practitioners while the check is open).
   */
  async get(
    checkId: string,
    options: { withDraft: boolean },
    viewer: Principal,
  ): Promise<CheckDetailResponse> {
    // The view and its audit entry in one transaction: what is shown has been audited.
    return this.dataSource.transaction(async (manager) => {
      const detail = await this.read(manager, checkId, options);
      await this.audit.write(manager, {
        viewer,
        action: 'check-viewed',
        checkId: detail.checkId,
        detail: { candidates: detail.candidates.length, responses: detail.responses.length },
      });
      return detail;
    });
  }

  private async read(
    db: EntityManager,
    checkId: string,
    options: { withDraft: boolean },
  ): Promise<CheckDetailResponse> {
    const check = await findCheck(db, checkId);
    const candidates = await db
      .getRepository(CheckCandidate)
      .find({ where: { checkId }, order: { subjectId: 'ASC', recordId: 'ASC' } });
    const responses = await db
      .getRepository(CheckResponseRecord)
      .find({ where: { checkId }, order: { respondedAt: 'ASC', responseId: 'ASC' } });
    const people = candidates.length
      ? await db.getRepository(AgencyPerson).find({
          where: { recordId: In([...new Set(candidates.map((candidate) => candidate.recordId))]) },
          relations: { facts: true },
        })
      : [];
    const records = new Map(people.map((person) => [person.recordId, toRecordView(person)]));
    // In the order the request named its subjects, so a practitioner reads the child first.
    const subjectOrder = new Map(check.subjects.map((subject, index) => [subject.subjectId, index]));
    candidates.sort(
      (a, b) =>
        (subjectOrder.get(a.subjectId) ?? 0) - (subjectOrder.get(b.subjectId) ?? 0) || b.score - a.score,
    );
    const answers = responses.map(toAnswerView);
    const previousResponses = await this.previousAnswers(check, candidates, db);

    let draft: CheckDraftView | null = null;
    if (options.withDraft && check.status === 'open') {
      const latestPartial = [...responses].reverse().find((response) => response.partial) ?? null;
      draft = this.draft(check, candidates, people, latestPartial, previousResponses);
    }
    const now = this.clock.now();
    return {
      ...toSummary(check, now, {
        pending: candidates.filter((candidate) => candidate.review === 'pending').length,
        subjectIds: candidates.map((candidate) => candidate.subjectId),
      }),
      concernSummary: check.concernSummary,
      subjects: check.subjects,
      searchNotes: check.searchNotes.map(({ subjectId, namesakesNotReported }) => ({
        subjectId,
        namesakesNotReported,
        note:
          `${namesakesNotReported} records agree on this subject's names, and without a date of birth none could be ` +
          'told from the others, so none is listed: ask for a date of birth, or search the records by hand.',
      })),
      candidates: candidates.map((candidate) => ({
        ...toCandidateReviewView(candidate),
        record: records.get(candidate.recordId) ?? null,
      })),
      response: answers[answers.length - 1] ?? null,
      responses: answers,
      previousResponses,
      draft,
    };
  }

  /**
   * A practitioner's own search of this agency's records for the people of a check (records/record-search.ts),
   * each record with the subjects it is already a candidate for. The query is never logged.
   */
  async searchRecords(checkId: string, query: string, viewer: Principal): Promise<RecordSearchResponse> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.search(manager, checkId, query);
      // Counts only: the search text may be a name, and is never stored or logged.
      await this.audit.write(manager, {
        viewer,
        action: 'records-searched',
        checkId,
        detail: { recordsFound: result.records.length },
      });
      return result;
    });
  }

  private async search(db: EntityManager, checkId: string, query: string): Promise<RecordSearchResponse> {
    await findCheck(db, checkId);
    const found = await searchAgencyRecords(db, query);
    const candidates = found.records.length
      ? await db.getRepository(CheckCandidate).find({
          select: { subjectId: true, recordId: true },
          where: { checkId, recordId: In(found.records.map((record) => record.recordId)) },
          order: { subjectId: 'ASC' },
        })
      : [];
    this.logger.log(
      `check ${checkId}: record search found ${found.records.length} record(s)${found.more ? ' and more' : ''}`,
    );
    return {
      records: found.records.map((record) => ({
        ...record,
        candidateFor: candidates
          .filter((candidate) => candidate.recordId === record.recordId)
          .map((candidate) => candidate.subjectId),
      })),
      more: found.more,
    };
  }

  private draft(
    check: Check,
    candidates: CheckCandidate[],
    people: AgencyPerson[],
    latestPartial: CheckResponseRecord | null,
    previous: PreviousAnswerView[],
  ): CheckDraftView {
    const byId = new Map(people.map((person) => [person.recordId, person]));
    const confirmed: ConfirmedMatch[] = candidates
      .filter((candidate) => candidate.review === 'confirmed' && byId.has(candidate.recordId))
      .map((candidate) => {
        const person = byId.get(candidate.recordId)!;
        return {
          subjectId: candidate.subjectId,
          confidence: candidate.confidence,
          record: { recordId: person.recordId, facts: person.facts ?? [] },
        };
      });
    // Oldest first, so each fact points at the first time it was shared.
    const sharedBefore = new Map<string, { checkId: string; reference: string; respondedAt: string }>();
    for (const answer of [...previous].reverse())
      for (const item of answer.items)
        if (item.factId && !sharedBefore.has(item.factId))
          sharedBefore.set(item.factId, {
            checkId: answer.checkId,
            reference: answer.reference,
            respondedAt: answer.respondedAt,
          });
    return practitionerDraft({
      check,
      matches: confirmed,
      recordKinds: this.node.recordKinds,
      analyse: this.node.analyse,
      respondedAt: this.clock.now(),
      partial: latestPartial,
      sharedBefore,
    });
  }

  /**
   * This agency's answers on other checks about the same people (Northamptonshire 12): a subject of
   * that check is the same person by a national identifier or name and date of birth, or that answer
   * matched a record that is a candidate here.
   */
  private async previousAnswers(
    check: Check,
    candidates: CheckCandidate[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<PreviousAnswerView[]> {
    const links = new Map<string, Set<PreviousAnswerLink>>();
    const link = (checkId: string, how: PreviousAnswerLink) =>
      (links.get(checkId) ?? links.set(checkId, new Set()).get(checkId)!).add(how);

    const samePerson: Array<{ check_id: string }> = await db.query(
      `SELECT DISTINCT other.check_id
         FROM check_subject_keys mine
         JOIN check_subject_keys other ON other.key = mine.key AND other.check_id <> mine.check_id
        WHERE mine.check_id = $1`,
      [check.checkId],
    );
    for (const row of samePerson) link(row.check_id, 'same-person');

    const recordIds = [...new Set(candidates.map((candidate) => candidate.recordId))];
    if (recordIds.length) {
      // One containment test per record, so the GIN index on matches serves each.
      const sameRecord: Array<{ check_id: string }> = await db.query(
        `SELECT DISTINCT check_id FROM check_responses
          WHERE check_id <> $1 AND (${recordIds.map((_, index) => `matches @> $${index + 2}::jsonb`).join(' OR ')})`,
        [check.checkId, ...recordIds.map((recordId) => JSON.stringify([{ recordId }]))],
      );
      for (const row of sameRecord) link(row.check_id, 'same-record');
    }
    if (!links.size) return [];

    const answers = await db.getRepository(CheckResponseRecord).find({
      where: { checkId: In([...links.keys()]) },
      order: { respondedAt: 'DESC', responseId: 'ASC' },
      take: PREVIOUS_ANSWERS_MAX,
    });
    const checks = new Map(
      (
        await db
          .getRepository(Check)
          .find({ where: { checkId: In([...new Set(answers.map((answer) => answer.checkId))]) } })
      ).map((other) => [other.checkId, other]),
    );
    return answers.map((answer) => {
      const other = checks.get(answer.checkId)!;
      return {
        ...toAnswerView(answer),
        checkId: answer.checkId,
        reference: other.reference,
        requestedAt: other.requestedAt.toISOString(),
        linkedBy: [...links.get(answer.checkId)!].sort(),
      };
    });
  }

  /** Per check: candidates waiting for a review, and the subjects that have any candidate. */
  private async candidateCounts(checkIds: string[]): Promise<Map<string, CandidateCounts>> {
    if (!checkIds.length) return new Map();
    const rows: Array<{ check_id: string; pending: number; subjects: string[] }> =
      await this.dataSource.query(
        `SELECT check_id, (count(*) FILTER (WHERE review = 'pending'))::int AS pending,
              array_agg(DISTINCT subject_id) AS subjects
         FROM check_candidates WHERE check_id = ANY($1::uuid[]) GROUP BY check_id`,
        [checkIds],
      );
    return new Map(rows.map((row) => [row.check_id, { pending: row.pending, subjectIds: row.subjects }]));
  }
}

interface CandidateCounts {
  pending: number;
  /** Subjects with at least one candidate (the matcher's or a practitioner's). */
  subjectIds: readonly string[];
}

const NO_CANDIDATES: CandidateCounts = { pending: 0, subjectIds: [] };

function toSummary(check: Check, now: Date, candidates: CandidateCounts): CheckSummaryResponse {
  const left =
    check.status === 'open' ? timeLeft(check.dueAt, now) : { timeLeftMinutes: null, overdue: false };
  return {
    checkId: check.checkId,
    contactId: check.contactId,
    reference: check.reference,
    agency: check.agency,
    rag: check.rag,
    status: check.status,
    requestedAt: check.requestedAt.toISOString(),
    dueAt: check.dueAt?.toISOString() ?? null,
    respondedAt: check.respondedAt?.toISOString() ?? null,
    concernCategories: check.concernCategories,
    subjectCount: check.subjects.length,
    ...left,
    partialRespondedAt: check.partialRespondedAt?.toISOString() ?? null,
    candidatesToReview: candidates.pending,
    // A subject with a search note stays to be searched until someone adds a candidate for it.
    subjectsToSearchByHand: check.searchNotes.filter(
      (note) => !candidates.subjectIds.includes(note.subjectId),
    ).length,
    chaseCount: check.chaseCount,
    lastChasedAt: check.lastChasedAt?.toISOString() ?? null,
    cancelledAt: check.cancelledAt?.toISOString() ?? null,
  };
}

export function toCandidateReviewView(candidate: CheckCandidate): CheckCandidateReviewView {
  return {
    subjectId: candidate.subjectId,
    recordId: candidate.recordId,
    confidence: candidate.confidence,
    score: candidate.score,
    reasons: candidate.reasons,
    review: candidate.review,
    reviewedBy: candidate.reviewedBy,
    reviewedAt: candidate.reviewedAt?.toISOString() ?? null,
    origin: candidate.origin,
  };
}

function toAnswerView(response: CheckResponseRecord): CheckAnswerView {
  return {
    responseId: response.responseId,
    respondedAt: response.respondedAt.toISOString(),
    respondedBy: response.respondedBy,
    rag: response.rag,
    noTrace: response.noTrace,
    analysis: response.analysis,
    matches: response.matches,
    items: response.items.map((item) => ({
      summary: item.summary,
      classification: item.classification,
      recordId: item.recordId ?? null,
      subjectId: item.subjectId ?? null,
      factId: item.factId ?? null,
    })),
    partial: response.partial,
    awaiting: response.awaiting,
  };
}

function toRecordView(person: AgencyPerson): AgencyRecordView {
  return {
    recordId: person.recordId,
    givenName: person.givenName,
    familyName: person.familyName,
    otherNames: person.otherNames,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    address: person.address,
    nhsNumber: person.nhsNumber,
    upn: person.upn,
    pncId: person.pncId,
    facts: [...(person.facts ?? [])]
      .sort((a, b) => b.date.localeCompare(a.date) || a.factId.localeCompare(b.factId))
      .map((fact) => ({
        factId: fact.factId,
        date: fact.date,
        kind: fact.kind,
        summary: fact.summary,
        classification: fact.classification,
        severity: fact.severity,
        role: fact.role,
        details: fact.details,
      })),
  };
}
