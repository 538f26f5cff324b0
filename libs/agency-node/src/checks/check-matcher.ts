import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CheckSubject, MatchConfidence } from '@mash/contracts';
import { Clock, CLOCK, systemClock } from '@mash/platform';
import { findCandidateRecords, MAX_CANDIDATE_RECORDS } from '../matching/candidate-search';
import { compareAddresses } from '../matching/address-match';
import {
  addHouseholdEvidence,
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
 * A subject the search could not settle on its own: records agree on their names, but without a date
 * of birth or an identifier nothing told them apart, so none was reported (match-score.ts,
 * decideAmongCandidates). Shown to the practitioner, so that "no candidate" is not read as "no trace".
 */
export interface SubjectSearchNote {
  subjectId: string;
  /** How many records agreed on the names well enough to report and were left out as indistinguishable. */
  namesakesNotReported: number;
}

export interface CheckSearch {
  candidates: FoundCandidate[];
  notes: SubjectSearchNote[];
}

/**
 * Finds the agency's records that may be the subjects of a check (libs/agency-node/src/matching):
 * candidates are searched in PostgreSQL by blocking keys (candidate-search.ts), each is scored against
 * the subject (match-score.ts), and those at or above the possible-match line are returned, best first:
 * `match` above the match line, `possible-match` for a practitioner to confirm. An exact match of given
 * name, family name and date of birth is always a `match`. The subjects of a check are a household:
 * a record that is another subject's `match` is not offered for this one (a father and son of one name),
 * and a subject without a `match` of its own is weighed again with the addresses of the records matched
 * for the others (match-score.ts, addHouseholdEvidence).
 */
@Injectable()
export class CheckMatcher {
  private readonly logger = new Logger(CheckMatcher.name);

  constructor(@Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock) {}

  async findCandidates(manager: EntityManager, subjects: readonly CheckSubject[]): Promise<FoundCandidate[]> {
    return (await this.search(manager, subjects)).candidates;
  }

  /** The candidates, and a note for each subject whose namesakes could not be told apart. */
  async search(manager: EntityManager, subjects: readonly CheckSubject[]): Promise<CheckSearch> {
    const asOf = this.clock.now();
    const searched: Array<{ subject: CheckSubject; scored: ScoredRecord[]; decided: ScoredRecord[] }> = [];
    for (const subject of subjects) {
      const scored = await this.scoreCandidates(manager, subject, asOf);
      searched.push({ subject, scored, decided: decideAmongCandidates(scored) });
    }
    // The household: a subject not matched is looked for again beside the records matched for the others.
    const matched = searched.flatMap(({ subject, decided }) =>
      decided
        .filter((candidate) => candidate.confidence === 'match')
        .map((candidate) => ({
          subjectId: subject.subjectId,
          record: candidate.record,
          recordId: candidate.recordId,
        })),
    );
    const candidates: FoundCandidate[] = [];
    const notes: SubjectSearchNote[] = [];
    for (const searchedSubject of searched) {
      const { subject } = searchedSubject;
      let { scored, decided } = searchedSubject;
      const others = matched.filter((anchor) => anchor.subjectId !== subject.subjectId);
      // One person is one subject of a check: a record that is another subject's automatic `match` (its
      // exact date of birth, both names, clear of every rival) is that person, not this one's namesake.
      const ownMatches = new Set(
        decided
          .filter((candidate) => candidate.confidence === 'match')
          .map((candidate) => candidate.recordId),
      );
      const theirs = new Set(
        others.map((anchor) => anchor.recordId).filter((recordId) => !ownMatches.has(recordId)),
      );
      if (scored.some((candidate) => theirs.has(candidate.recordId))) {
        scored = scored.filter((candidate) => !theirs.has(candidate.recordId));
        decided = decideAmongCandidates(scored);
      }
      let final = decided;
      if (others.length && !decided.some((candidate) => candidate.confidence === 'match')) {
        const beside = scored.map((candidate) =>
          others.some(
            (anchor) =>
              anchor.recordId !== candidate.recordId &&
              compareAddresses(anchor.record.address, candidate.record.address) === 'same-address',
          )
            ? addHouseholdEvidence(candidate)
            : candidate,
        );
        if (beside.some((candidate, index) => candidate !== scored[index]))
          final = decideAmongCandidates(beside);
      }
      for (const candidate of final
        .filter((one) => one.confidence)
        .sort((a, b) => b.weight - a.weight || a.recordId.localeCompare(b.recordId)))
        candidates.push({
          subjectId: subject.subjectId,
          recordId: candidate.recordId,
          confidence: candidate.confidence!,
          score: candidate.score,
          reasons: candidate.reasons,
        });
      const reported = new Set(final.filter((one) => one.confidence).map((one) => one.recordId));
      const namesakesNotReported = scored.filter(
        (one) => one.confidence && one.evidence.dateOfBirth === 'missing' && !reported.has(one.recordId),
      ).length;
      if (namesakesNotReported) notes.push({ subjectId: subject.subjectId, namesakesNotReported });
    }
    return { candidates, notes };
  }

  /** The subject's candidate records from the search, each scored against the subject on its own. */
  private async scoreCandidates(
    manager: EntityManager,
    subject: CheckSubject,
    asOf: Date,
  ): Promise<ScoredRecord[]> {
    const { records, truncated } = await findCandidateRecords(manager, subject);
    // Ids only: which subject of the request, never who.
    if (truncated)
      this.logger.warn(
        `candidate search for ${subject.subjectId} reached its limit of ${MAX_CANDIDATE_RECORDS} records; the rest were not scored`,
      );
    const reachable = records.filter((record) => mayReachPossibleMatch(subject, record));
    return reachable.map((record) => ({
      recordId: record.recordId,
      record,
      ...scoreCandidate(subject, record, asOf),
    }));
  }
}
