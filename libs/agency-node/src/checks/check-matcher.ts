import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CheckSubject } from '@mash/contracts';
import {
  findCandidateRecords,
  FoundCandidate,
  matchSubjects,
  MAX_CANDIDATE_RECORDS,
  SubjectSearchNote,
} from '@mash/matching';
import { Clock, CLOCK, systemClock } from '@mash/platform';
import { AGENCY_PEOPLE } from '../records/person-row';

export type { FoundCandidate, SubjectSearchNote } from '@mash/matching';

export interface CheckSearch {
  candidates: FoundCandidate[];
  notes: SubjectSearchNote[];
}

/**
 * Finds the agency's records that may be the subjects of a check with the hub's one matcher
 * (`@mash/matching`, matchSubjects: candidate search by blocking keys, Fellegi-Sunter scoring, the
 * household), on the agency's own `agency_people`: `match` above the match line, `possible-match` for a
 * practitioner to confirm.
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
    const found = await matchSubjects(
      subjects,
      (subject) => findCandidateRecords(manager, subject, AGENCY_PEOPLE),
      this.clock.now(),
    );
    // Ids only: which subject of the request, never who.
    for (const subjectId of found.truncated)
      this.logger.warn(
        `candidate search for ${subjectId} reached its limit of ${MAX_CANDIDATE_RECORDS} records; the rest were not scored`,
      );
    return {
      candidates: found.candidates.map(({ record: _record, ...candidate }) => candidate),
      notes: found.notes,
    };
  }
}
