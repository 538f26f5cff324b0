import type { MatchConfidence, SubjectRole } from '@mash/contracts';
import { compareAddresses } from './address-match';
import type { CandidateRecord } from './candidate-search';
import {
  addHouseholdEvidence,
  decideAmongCandidates,
  mayReachPossibleMatch,
  PersonToMatch,
  ScoredRecord,
  scoreCandidate,
} from './match-score';

/** A person to look for, with an id stable within the request (`child-0`, `adult-1`). */
export interface SubjectToMatch extends PersonToMatch {
  subjectId: string;
  role?: SubjectRole | null;
}

export interface FoundCandidate {
  subjectId: string;
  recordId: string;
  /** `match`: confident enough to act on; `possible-match`: a person must confirm it. */
  confidence: MatchConfidence;
  /** 0..1 */
  score: number;
  /** Why the score is what it is, in words (no values from the records, only which fields agreed and how). */
  reasons: string[];
}

/** A candidate with the record it is, for a caller that needs the record's own fields (triage's case status). */
export interface FoundRecord<Record extends CandidateRecord = CandidateRecord> extends FoundCandidate {
  record: Record;
}

/**
 * A subject the search could not settle on its own: records agree on their names, but without a date
 * of birth or an identifier nothing told them apart, so none was reported (match-score.ts,
 * decideAmongCandidates). Shown to the person reviewing, so that "no candidate" is not read as "no trace".
 */
export interface SubjectSearchNote {
  subjectId: string;
  /** How many records agreed on the names well enough to report and were left out as indistinguishable. */
  namesakesNotReported: number;
}

export interface SubjectsSearch<Record extends CandidateRecord = CandidateRecord> {
  candidates: FoundRecord<Record>[];
  notes: SubjectSearchNote[];
}

/** Fetches the candidate records of one subject (candidate-search.ts, findCandidateRecords, on the caller's table). */
export type CandidateFinder<Record extends CandidateRecord> = (
  subject: SubjectToMatch,
) => Promise<{ records: Record[]; truncated: boolean }>;

/**
 * The one matcher of the hub, used by the agency nodes for a check and by triage for the social care
 * index: for each subject, the candidate records (found by `find`) are scored (match-score.ts) and those
 * at or above the possible-match line are returned, best first: `match` above the match line,
 * `possible-match` for a person to confirm. The subjects of a request are a household: a record that is
 * another subject's `match` is not offered for this one (a father and son of one name), and a subject
 * without a `match` of its own is weighed again with the addresses of the records matched for the
 * others (addHouseholdEvidence). `asOf`: the day of the request, for ages.
 */
export async function matchSubjects<Record extends CandidateRecord>(
  subjects: readonly SubjectToMatch[],
  find: CandidateFinder<Record>,
  asOf: Date,
): Promise<SubjectsSearch<Record> & { truncated: string[] }> {
  const truncated: string[] = [];
  const searched: Array<{ subject: SubjectToMatch; scored: ScoredRecord[]; decided: ScoredRecord[] }> = [];
  for (const subject of subjects) {
    const found = await find(subject);
    if (found.truncated) truncated.push(subject.subjectId);
    const scored = scoreRecords(subject, found.records, asOf);
    searched.push({ subject, scored, decided: decideAmongCandidates(scored) });
  }
  return { ...decideForHousehold(searched), truncated };
}

/** Scores a subject's candidate records, each on its own (those that cannot reach the line are skipped). */
export function scoreRecords(
  subject: PersonToMatch,
  records: readonly CandidateRecord[],
  asOf: Date,
): ScoredRecord[] {
  return records
    .filter((record) => mayReachPossibleMatch(subject, record))
    .map((record) => ({ recordId: record.recordId, record, ...scoreCandidate(subject, record, asOf) }));
}

function decideForHousehold<Record extends CandidateRecord>(
  searched: Array<{ subject: SubjectToMatch; scored: ScoredRecord[]; decided: ScoredRecord[] }>,
): SubjectsSearch<Record> {
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
  const candidates: FoundRecord<Record>[] = [];
  const notes: SubjectSearchNote[] = [];
  for (const searchedSubject of searched) {
    const { subject } = searchedSubject;
    let { scored, decided } = searchedSubject;
    const others = matched.filter((anchor) => anchor.subjectId !== subject.subjectId);
    // One person is one subject of a request: a record that is another subject's automatic `match` (its
    // exact date of birth, both names, clear of every rival) is that person, not this one's namesake.
    const ownMatches = new Set(
      decided.filter((candidate) => candidate.confidence === 'match').map((candidate) => candidate.recordId),
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
        record: candidate.record as Record,
      });
    const reported = new Set(final.filter((one) => one.confidence).map((one) => one.recordId));
    const namesakesNotReported = scored.filter(
      (one) => one.confidence && one.evidence.dateOfBirth === 'missing' && !reported.has(one.recordId),
    ).length;
    if (namesakesNotReported) notes.push({ subjectId: subject.subjectId, namesakesNotReported });
  }
  return { candidates, notes };
}
