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
 * A table of people to search: its name, the select list for one candidate row, and how a row becomes a
 * record to score. The table has `search_keys text[]` (GIN index) computed by `personSearchColumns`,
 * `search_name text` (pg_trgm) and `date_of_birth date`. The agency nodes search `agency_people`, triage
 * its `social_care_index`. The name and columns are the code's own constants, never input.
 */
export interface CandidateTable<Row, Record extends CandidateRecord = CandidateRecord> {
  table: string;
  columns: string;
  fromRow(row: Row): Record;
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
export async function findCandidateRecords<Row, Record extends CandidateRecord>(
  manager: EntityManager,
  subject: PersonToMatch,
  table: CandidateTable<Row, Record>,
): Promise<{ records: Record[]; truncated: boolean }> {
  const { sql, parameters } = candidateQuery(subject, table);
  const rows: Row[] = await manager.query(sql, parameters);
  return {
    records: rows.slice(0, MAX_CANDIDATE_RECORDS).map((row) => table.fromRow(row)),
    truncated: rows.length > MAX_CANDIDATE_RECORDS,
  };
}

/** The statement findCandidateRecords runs for a subject (exported so its plan can be checked). */
export function candidateQuery(
  subject: PersonToMatch,
  table: Pick<CandidateTable<unknown>, 'table' | 'columns'>,
): { sql: string; parameters: unknown[] } {
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
                 SELECT ${table.columns}
                   FROM ${table.table}
                  WHERE ${branches.join(' OR ')})
               SELECT * FROM found LIMIT ${MAX_CANDIDATE_RECORDS + 1}`;
  return { sql, parameters };
}
