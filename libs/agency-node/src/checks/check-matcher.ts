import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CheckSubject, MatchConfidence } from '@mash/contracts';
import { AgencyPerson } from '../records/agency-person.entity';
import { exactMatchKey } from './exact-match';

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
 * Finds the agency's records that may be the subjects of a check. For now only exact matches
 * (exact-match.ts), which are confident enough to answer on without a person; a fuzzy rule producing
 * `possible-match` candidates for practitioner review belongs here, beside it.
 */
@Injectable()
export class CheckMatcher {
  async findCandidates(manager: EntityManager, subjects: readonly CheckSubject[]): Promise<FoundCandidate[]> {
    const candidates: FoundCandidate[] = [];
    for (const subject of subjects) {
      const key = exactMatchKey(subject);
      if (!key) continue;
      const people = await manager.find(AgencyPerson, {
        select: { recordId: true },
        where: {
          familyNameKey: key.familyNameKey,
          givenNameKey: key.givenNameKey,
          dateOfBirth: key.dateOfBirth,
        },
        order: { recordId: 'ASC' },
      });
      for (const person of people)
        candidates.push({
          subjectId: subject.subjectId,
          recordId: person.recordId,
          confidence: 'match',
          score: 1,
          reasons: ['exact name and date of birth'],
        });
    }
    return candidates;
  }
}
