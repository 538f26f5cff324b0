import type { EntityManager } from 'typeorm';
import type { Address, Gender } from '@mash/contracts';
import type { PersonToMatch } from './match-score';
import { postcodeKey, searchDates, searchName, subjectSearchKeys } from './search-keys';

/**
 * Same date of birth (or transposed) and a name this similar by trigrams (pg_trgm similarity): finds a
 * record whose given and family names are both misspelt beyond what the phonetic keys catch.
 */
export const SAME_DATE_MIN_TRIGRAM_SIMILARITY = 0.3;
/**
 * For a subject without a date of birth, people at the subject's postcode whose full name is this
 * similar by trigrams are candidates too: the household's address stands in for the missing date.
 */
export const SAME_POSTCODE_MIN_TRIGRAM_SIMILARITY = 0.4;
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
 * of birth), and those born on the subject's date of birth (or with day and month transposed), or for a
 * subject without one living at its postcode, whose full name is similar by trigrams. (A trigram search of every name, for a subject without a date of birth,
 * was tried and dropped: pg_trgm's index hands back thousands of rows to recheck at a million people,
 * hundreds of milliseconds, for no recall the phonetic name keys did not already give.)
 * The result is over-inclusive on purpose: match-score.ts decides.
 */
export async function findCandidateRecords(
  manager: EntityManager,
  subject: PersonToMatch,
): Promise<{ records: CandidateRecord[]; truncated: boolean }> {
  const { sql, parameters } = candidateQuery(subject);
  const rows: PersonRow[] = await manager.query(sql, parameters);
  return {
    records: rows.slice(0, MAX_CANDIDATE_RECORDS).map(personFromRow),
    truncated: rows.length > MAX_CANDIDATE_RECORDS,
  };
}

/** The statement findCandidateRecords runs for a subject (exported so its plan can be checked). */
export function candidateQuery(subject: PersonToMatch): { sql: string; parameters: unknown[] } {
  const dates = searchDates(subject);
  const branches = [`search_keys && $1::text[]`];
  const parameters: unknown[] = [subjectSearchKeys(subject)];
  const postcode = postcodeKey(subject);
  if (dates.length) {
    parameters.push(dates, searchName(subject), SAME_DATE_MIN_TRIGRAM_SIMILARITY);
    branches.push(`(date_of_birth = ANY($2::date[]) AND similarity(search_name, $3) >= $4)`);
  } else if (postcode) {
    parameters.push([postcode], searchName(subject), SAME_POSTCODE_MIN_TRIGRAM_SIMILARITY);
    branches.push(`(search_keys && $2::text[] AND similarity(search_name, $3) >= $4)`);
  }
  // The limit sits outside a materialised CTE: beside the search itself it would tempt the planner into
  // reading the table from the start, hoping to stop early (seconds at a million people).
  const sql = `WITH found AS MATERIALIZED (
                 SELECT record_id, given_name, family_name, other_names, date_of_birth::text AS date_of_birth,
                        gender, address, nhs_number, upn, pnc_id
                   FROM agency_people
                  WHERE ${branches.join(' OR ')})
               SELECT * FROM found LIMIT ${MAX_CANDIDATE_RECORDS + 1}`;
  return { sql, parameters };
}

/** A person's row of `agency_people` as the searches select it (date of birth as text). */
export interface PersonRow {
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

/** A stored person with every field present (null where the record has none). */
export interface StoredPerson extends CandidateRecord {
  otherNames: string[];
  nhsNumber: string | null;
  upn: string | null;
  pncId: string | null;
}

export function personFromRow(row: PersonRow): StoredPerson {
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
