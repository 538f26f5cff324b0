import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CheckSubject, MatchConfidence } from '@mash/contracts';
import { Clock, CLOCK, systemClock } from '@mash/platform';
import { findCandidateRecords, MAX_CANDIDATE_RECORDS } from '../matching/candidate-search';
import {
  decideAmongCandidates,
  mayReachPossibleMatch,
  ScoredRecord,
  scoreCandidate,
} from '../matching/match-score';

export interface FoundCandidate {
  subjectId: string;
  recordId: string;
  /** `match`: confident enough to share on; `possible-match`: a practitioner must confirm it. */
  confidence: MatchConfidence;
  /** 0..1 */
  score: number;
  /** Why the score is what it is, for the practitioner (no values from the records, only which fields agreed). */
  reasons: string[];
}

/**
 * Finds the agency's records that may be the subjects of a check (libs/agency-node/src/matching):
 * candidates are searched in PostgreSQL by blocking keys (candidate-search.ts), each is scored against
 * the subject (match-score.ts), and those at or above the possible-match line are returned, best first:
 * `match` above the match line, `possible-match` for a practitioner to confirm. An exact match of given
 * name, family name and date of birth is always a `match`.
 */
@Injectable()
export class CheckMatcher {
  private readonly logger = new Logger(CheckMatcher.name);

  constructor(@Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock) {}

  async findCandidates(manager: EntityManager, subjects: readonly CheckSubject[]): Promise<FoundCandidate[]> {
    const candidates: FoundCandidate[] = [];
    const asOf = this.clock.now();
    for (const subject of subjects) {
      const { records, truncated } = await findCandidateRecords(manager, subject);
      // Ids only: which subject of the request, never who.
      if (truncated)
        this.logger.warn(
          `candidate search for ${subject.subjectId} reached its limit of ${MAX_CANDIDATE_RECORDS} records; the rest were not scored`,
        );
      const scored: ScoredRecord[] = records
        .filter((record) => mayReachPossibleMatch(subject, record))
        .map((record) => ({
          recordId: record.recordId,
          record,
          ...scoreCandidate(subject, record, asOf),
        }));
      const decided = decideAmongCandidates(scored)
        .filter((candidate) => candidate.confidence)
        .sort((a, b) => b.weight - a.weight || a.recordId.localeCompare(b.recordId));
      for (const candidate of decided)
        candidates.push({
          subjectId: subject.subjectId,
          recordId: candidate.recordId,
          confidence: candidate.confidence!,
          score: candidate.score,
          reasons: candidate.reasons,
        });
    }
    return candidates;
  }
}
