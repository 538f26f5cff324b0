import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ChildDetails,
  ContactReceived,
  IndexMatch,
  LinkedIndexRecord,
  MatchConfidence,
  SocialCareIndexResult,
  SocialCareStatus,
} from '@mash/contracts';
import {
  bornBetweenFor,
  CandidateRecord,
  findCandidateRecords,
  matchSubjects,
  searchName,
  SubjectToMatch,
} from '@mash/matching';
import { Clock, CLOCK, DomainError, ValidationFailedError } from '@mash/platform';
import { dueDateDistance, dueDateReason } from './due-date-match';
import type { ImportResultResponse } from './dto/import-result.response';
import { INDEX_CHILDREN, INDEX_MOTHERS } from './index-candidate-tables';
import { upsertSocialCareRecords } from './social-care-index-import';
import { parseSocialCareIndex } from './social-care-index-ndjson';

interface IndexRow {
  record_id: string;
  status: SocialCareStatus;
  allocated_worker: string | null;
  team: string | null;
  closed_at: Date | null;
}

@Injectable()
export class SocialCareIndexService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** All or nothing: any bad line is a 400 naming every bad line, and nothing is stored. */
  async import(ndjson: unknown): Promise<ImportResultResponse> {
    if (typeof ndjson !== 'string') {
      throw new DomainError(
        'unsupported-media-type',
        'send the index as application/x-ndjson, one child a line',
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const { records, violations } = parseSocialCareIndex(ndjson);
    if (violations.length)
      throw new ValidationFailedError(violations, 'the import has invalid lines; nothing was stored');
    const importedAt = this.clock.now();
    const imported = await this.dataSource.transaction((manager) =>
      upsertSocialCareRecords(manager, records, importedAt),
    );
    return { imported };
  }

  /**
   * What the index knows about each child of a contact, searched with the hub's one matcher
   * (`@mash/matching`, as the agency nodes search their records): for each child either a settled
   * result, or the possible matches a contact officer must confirm or reject before screening goes on.
   * - a child born: an exact record (given name, family name and date of birth, case-insensitive) as
   *   before, the open one first, then early help, then the most recently closed; otherwise the
   *   matcher, with the contact's children as one household: a `match` (a misspelt or nicknamed name,
   *   a transposed date with everything else agreeing, clear of any rival) is the child's record; a
   *   `possible-match` waits for a contact officer. An approximate age is searched as a band of dates
   *   of birth, never a `match`.
   * - an unborn child: the mother (an adult of the contact whose relationship says mother) is looked
   *   for among the mothers the index's records name, and a pre-birth record of hers with a due date
   *   near the contact's (due-date-match.ts) is the child's; a confident mother and one such record
   *   settle it, anything less is for a contact officer.
   * Family members already in the index are linked to a child's record (the index's family group, or
   * the same mother).
   */
  async lookUpContact(
    manager: EntityManager,
    contact: Pick<ContactReceived, 'children' | 'adults' | 'receivedAt'>,
  ): Promise<ChildLookup[]> {
    const asOf = new Date(contact.receivedAt);
    const born = contact.children
      .map((child, childIndex) => ({ child, childIndex }))
      .filter(({ child }) => !child.unborn);
    const found = born.length
      ? await matchSubjects(
          born.map(({ child, childIndex }) => indexSubject(child, childIndex, asOf)),
          (subject) => findCandidateRecords(manager, subject, INDEX_CHILDREN),
          asOf,
        )
      : { candidates: [] };
    const lookups: ChildLookup[] = [];
    for (const [childIndex, child] of contact.children.entries()) {
      if (child.unborn) {
        lookups.push(await this.lookUpUnborn(manager, contact, child, childIndex, asOf));
        continue;
      }
      const exact = child.dateOfBirth ? await this.exactRecord(manager, child) : null;
      if (exact) {
        lookups.push({ childIndex, result: await this.resultFor(manager, childIndex, exact, 'exact', []) });
        continue;
      }
      const own = found.candidates.filter((candidate) => candidate.subjectId === `child-${childIndex}`);
      const matched = own.find((candidate) => candidate.confidence === 'match');
      if (matched) {
        lookups.push({
          childIndex,
          result: await this.resultFor(manager, childIndex, matched.recordId, 'match', matched.reasons),
        });
      } else if (own.length) {
        lookups.push({
          childIndex,
          candidates: own.slice(0, MAX_CANDIDATES_TO_REVIEW).map((candidate) => ({
            recordId: candidate.recordId,
            confidence: candidate.confidence,
            score: candidate.score,
            reasons: candidate.reasons,
            match: 'confirmed' as const,
          })),
        });
      } else {
        lookups.push({ childIndex, result: { childIndex, known: false } });
      }
    }
    return lookups;
  }

  /** An unborn child: by the mother's record in the index and the expected due date. */
  private async lookUpUnborn(
    manager: EntityManager,
    contact: Pick<ContactReceived, 'adults'>,
    child: ChildDetails,
    childIndex: number,
    asOf: Date,
  ): Promise<ChildLookup> {
    const mothers = (contact.adults ?? [])
      .map((adult, adultIndex) => ({ adult, adultIndex }))
      .filter(({ adult }) => isMother(adult.relationship));
    if (!mothers.length || !child.expectedDueDate)
      return { childIndex, result: { childIndex, known: false } };
    const childrenOf = new Map<string, string[]>();
    const found = await matchSubjects(
      mothers.map(({ adult, adultIndex }) => ({
        subjectId: `adult-${adultIndex}`,
        role: 'adult' as const,
        givenName: adult.givenName,
        familyName: adult.familyName,
        otherNames: adult.otherNames,
        dateOfBirth: adult.dateOfBirth,
        gender: adult.gender ?? 'female',
        address: adult.address ?? child.address,
      })),
      async (subject) => {
        // Several records name one mother: she is one person, not rivals of each other. One record
        // stands for her; the others are hers too.
        const { records, truncated } = await findCandidateRecords(manager, subject, INDEX_MOTHERS);
        const standIn = new Map<string, CandidateRecord>();
        for (const record of records) {
          const key = `${searchName(record)}|${record.dateOfBirth ?? ''}`;
          const first = standIn.get(key);
          if (first) childrenOf.get(first.recordId)!.push(record.recordId);
          else {
            standIn.set(key, record);
            childrenOf.set(record.recordId, [record.recordId]);
          }
        }
        return { records: [...standIn.values()], truncated };
      },
      asOf,
    );
    if (!found.candidates.length) return { childIndex, result: { childIndex, known: false } };
    const mothersFound = found.candidates.flatMap((mother) =>
      (childrenOf.get(mother.recordId) ?? [mother.recordId]).map((recordId) => ({ ...mother, recordId })),
    );
    const records: Array<{
      record_id: string;
      unborn: boolean;
      expected_due_date: string | null;
      date_of_birth: string | null;
    }> = await manager.query(
      `SELECT record_id, unborn, expected_due_date::text AS expected_due_date, date_of_birth::text AS date_of_birth
         FROM social_care_index WHERE record_id = ANY($1::text[])`,
      [mothersFound.map((candidate) => candidate.recordId)],
    );
    const byId = new Map(records.map((record) => [record.record_id, record]));
    const candidates: IndexCandidate[] = [];
    for (const mother of mothersFound) {
      const row = byId.get(mother.recordId);
      if (!row) continue;
      const record = {
        unborn: row.unborn,
        expectedDueDate: row.expected_due_date,
        dateOfBirth: row.date_of_birth,
      };
      const days = dueDateDistance(child.expectedDueDate, record);
      if (days === null) continue;
      candidates.push({
        recordId: mother.recordId,
        confidence: mother.confidence,
        score: mother.score,
        reasons: [...mother.reasons.map((reason) => `mother: ${reason}`), dueDateReason(days, record)],
        match: 'mother-and-due-date',
      });
    }
    const confident = candidates.filter((candidate) => candidate.confidence === 'match');
    if (confident.length === 1 && candidates.length === 1) {
      const [only] = confident;
      return {
        childIndex,
        result: await this.resultFor(manager, childIndex, only.recordId, 'mother-and-due-date', only.reasons),
      };
    }
    if (candidates.length) return { childIndex, candidates: candidates.slice(0, MAX_CANDIDATES_TO_REVIEW) };
    // No pre-birth record, but a mother the matcher is sure of: her other children are the family.
    const motherRecord = mothersFound.find((candidate) => candidate.confidence === 'match');
    const linkedRecords = motherRecord ? await this.linkedRecords(manager, motherRecord.recordId, true) : [];
    return {
      childIndex,
      result: { childIndex, known: false, ...(linkedRecords.length ? { linkedRecords } : {}) },
    };
  }

  /**
   * The settled result for a record: its status, worker and team, how it was found, and the family
   * members linked to it. `rejected`: possible matches a contact officer rejected for this child.
   */
  async resultFor(
    manager: EntityManager,
    childIndex: number,
    recordId: string | null,
    match: IndexMatch,
    reasons: string[],
    rejected = 0,
  ): Promise<SocialCareIndexResult> {
    const extra = rejected ? { rejectedPossibleMatches: rejected } : {};
    if (!recordId) return { childIndex, known: false, ...extra };
    const rows: IndexRow[] = await manager.query(
      `SELECT record_id, status, allocated_worker, team, closed_at FROM social_care_index WHERE record_id = $1`,
      [recordId],
    );
    const row = rows[0];
    if (!row) return { childIndex, known: false, ...extra };
    const linkedRecords = await this.linkedRecords(manager, recordId, false);
    return {
      childIndex,
      known: true,
      recordId: row.record_id,
      status: row.status,
      allocatedWorker: row.allocated_worker,
      team: row.team,
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
      match,
      ...(reasons.length ? { reasons } : {}),
      ...extra,
      ...(linkedRecords.length ? { linkedRecords } : {}),
    };
  }

  /**
   * Family members already in the index: records of the same family group (`family_id`), and records
   * naming the same mother (same normalised name and date of birth). `includeSelf`: the record itself
   * too (when it stands only for the mother, for an unborn child with no record of their own).
   */
  private async linkedRecords(
    manager: EntityManager,
    recordId: string,
    includeSelf: boolean,
  ): Promise<LinkedIndexRecord[]> {
    const rows: Array<IndexRow & { linked_by: 'family' | 'mother' }> = await manager.query(
      `WITH record AS (SELECT record_id, family_id FROM social_care_index WHERE record_id = $1),
            mother AS (SELECT search_name, date_of_birth FROM social_care_index_mothers
                        WHERE record_id = $1 AND date_of_birth IS NOT NULL),
            linked AS (
              SELECT other.record_id, 'family' AS linked_by FROM social_care_index other, record
               WHERE record.family_id IS NOT NULL AND other.family_id = record.family_id
              UNION
              SELECT other.record_id, 'mother' FROM social_care_index_mothers other, mother
               WHERE other.date_of_birth = mother.date_of_birth AND other.search_name = mother.search_name)
       SELECT DISTINCT ON (rec.record_id) rec.record_id, rec.status, rec.allocated_worker, rec.team,
              linked.linked_by
         FROM linked JOIN social_care_index rec USING (record_id)
        WHERE $2 OR rec.record_id <> $1
        ORDER BY rec.record_id, linked.linked_by
        LIMIT ${MAX_LINKED_RECORDS}`,
      [recordId, includeSelf],
    );
    return rows.map((row) => ({
      recordId: row.record_id,
      status: row.status,
      allocatedWorker: row.allocated_worker,
      team: row.team,
      linkedBy: row.linked_by,
    }));
  }

  /**
   * An exact record: given name, family name (both case-insensitive) and date of birth. Where a child
   * has several records, the open one is the one that matters, then early help, then the most recently
   * closed.
   */
  private async exactRecord(manager: EntityManager, child: ChildDetails): Promise<string | null> {
    const rows: Array<{ record_id: string }> = await manager.query(
      `SELECT record_id
         FROM social_care_index
        WHERE family_name_key = lower(btrim($1)) AND given_name_key = lower(btrim($2)) AND date_of_birth = $3::date
        ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'early-help-open' THEN 1 ELSE 2 END,
                 closed_at DESC NULLS LAST, record_id
        LIMIT 1`,
      [child.familyName, child.givenName, child.dateOfBirth],
    );
    return rows[0]?.record_id ?? null;
  }
}

/** At most this many possible matches are put to a contact officer for one child, best first. */
export const MAX_CANDIDATES_TO_REVIEW = 5;
const MAX_LINKED_RECORDS = 20;

/** A possible record of the index for one child, for a contact officer to confirm or reject. */
export interface IndexCandidate {
  recordId: string;
  confidence: MatchConfidence;
  score: number;
  reasons: string[];
  /** How the record will count once confirmed. */
  match: Extract<IndexMatch, 'confirmed' | 'mother-and-due-date'>;
}

/** One child's lookup: settled, or candidates for a contact officer. */
export type ChildLookup =
  | { childIndex: number; result: SocialCareIndexResult; candidates?: undefined }
  | { childIndex: number; candidates: IndexCandidate[]; result?: undefined };

/** A child of a contact as the matcher looks for them (an approximate age as a band of dates of birth). */
export function indexSubject(child: ChildDetails, childIndex: number, asOf: Date): SubjectToMatch {
  return {
    subjectId: `child-${childIndex}`,
    role: 'child',
    givenName: child.givenName,
    familyName: child.familyName,
    otherNames: child.otherNames,
    dateOfBirth: child.dateOfBirth ?? null,
    bornBetween:
      !child.dateOfBirth && child.approximateAge ? bornBetweenFor(child.approximateAge, asOf) : null,
    gender: child.gender,
    address: child.address,
  };
}

/** The adult a contact names as the child's mother (not a grandmother or step-mother). */
export function isMother(relationship: string | null | undefined): boolean {
  const words = (relationship ?? '').toLowerCase();
  return /\b(mother|mum|mom|birth mother|expectant mother)\b/.test(words) && !/step|grand|foster/.test(words);
}
