import type { EntityManager } from 'typeorm';
import type { Address, Gender } from '@mash/contracts';
import type { PersonToMatch } from './match-score';
import { searchDates, searchName, subjectSearchKeys } from './search-keys';

/**
 * Same date of birth (or transposed) and a name this similar by trigrams (pg_trgm similarity): finds a
 * record whose given and family names are both misspelt beyond what the phonetic keys catch.
 */
export const SAME_DATE_MIN_TRIGRAM_SIMILARITY = 0.3;
/**
 * Without a date of birth, a name this similar by trigrams is a candidate too (beside the phonetic
 * name keys). pg_trgm's index answers `%` at its own threshold (0.3 by default); this is the filter.
 */
export const NAME_ONLY_MIN_TRIGRAM_SIMILARITY = 0.6;
/**
 * A safety limit on the records fetched for one subject. Blocking keys join a name to a date, so even a
 * common name finds a few hundred at a million people; a subject that reached this would be reported.
 */
export const MAX_CANDIDATE_RECORDS = 2_000;

export interface CandidateRecord extends PersonToMatch {
  recordId: string;
  dateOfBirth: string | null;
  gender: Gender | null;
  address: Address | null;
}

/**
 * The records that may be the subject, found in PostgreSQL: any record sharing one of the subject's
 * blocking keys (search-keys.ts: identifiers, phonetic name parts with the year or day and month of
 * birth, given name or its formal form with the date of birth, names alone when the subject has no date
 * of birth), those born on the subject's date of birth (or with day and month transposed) whose full name
 * is similar by trigrams, and, without a date of birth, those whose full name is similar by trigrams.
 * The result is over-inclusive on purpose: match-score.ts decides.
 */
export async function findCandidateRecords(
  manager: EntityManager,
  subject: PersonToMatch,
): Promise<{ records: CandidateRecord[]; truncated: boolean }> {
  const keys = subjectSearchKeys(subject);
  const dates = searchDates(subject);
  const name = searchName(subject);
  const branches = [`search_keys && $1::text[]`];
  const parameters: unknown[] = [keys];
  if (dates.length) {
    parameters.push(dates, name, SAME_DATE_MIN_TRIGRAM_SIMILARITY);
    branches.push(`(date_of_birth = ANY($2::date[]) AND similarity(search_name, $3) >= $4)`);
  } else if (name) {
    parameters.push(name, NAME_ONLY_MIN_TRIGRAM_SIMILARITY);
    branches.push(`(search_name % $2 AND similarity(search_name, $2) >= $3)`);
  }
  const rows: CandidateRow[] = await manager.query(
    `SELECT record_id, given_name, family_name, other_names, date_of_birth::text AS date_of_birth, gender,
            address, nhs_number, upn, pnc_id
       FROM agency_people
      WHERE ${branches.join(' OR ')}
      LIMIT ${MAX_CANDIDATE_RECORDS + 1}`,
    parameters,
  );
  return {
    records: rows.slice(0, MAX_CANDIDATE_RECORDS).map(toCandidate),
    truncated: rows.length > MAX_CANDIDATE_RECORDS,
  };
}

interface CandidateRow {
  record_id: string;
  given_name: string;
  family_name: string;
  other_names: string[] | null;
  date_of_birth: string | null;
  gender: Gender | null;
  address: Address | null;
  nhs_number: string | null;
  upn: string | null;
  pnc_id: string | null;
}

function toCandidate(row: CandidateRow): CandidateRecord {
  return {
    recordId: row.record_id,
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: row.other_names ?? [],
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    address: row.address,
    nhsNumber: row.nhs_number,
    upn: row.upn,
    pncId: row.pnc_id,
  };
}
