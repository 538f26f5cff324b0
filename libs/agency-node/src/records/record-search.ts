import type { EntityManager } from 'typeorm';
import type { Address, Gender } from '@mash/contracts';
import { normaliseName, subjectSearchKeys } from '@mash/matching';
import { PersonRow, personFromRow } from './person-row';

/**
 * A practitioner's own search of the agency's records, for a person the matcher did not propose
 * (`GET /checks/{checkId}/record-search?q=`). One box takes what a practitioner has to hand:
 * - a record id, exactly (the primary key);
 * - an NHS number, UPN or PNC id, however written (spaces, a four-digit PNC year): the same normalised
 *   keys matching stores in `search_keys` (its GIN index);
 * - a name, in any case and order, with or without accents, misspelt: trigram similarity (pg_trgm) of
 *   the normalised full name, either to the whole name (`%`, similarity at least 0.3) or to the part of it
 *   the query is most like (`%>`, word similarity at least 0.6, so "macdermot" finds Siobhan MacDermott),
 *   both served by `agency_people_search_name_trgm` (the database's default thresholds).
 * A record found several ways is listed once, by its closest way: record id, then identifier, then
 * name by similarity.
 */
export const RECORD_SEARCH_LIMIT = 20;
export const RECORD_SEARCH_MATCHES = ['record-id', 'identifier', 'name'] as const;
export type RecordSearchMatch = (typeof RECORD_SEARCH_MATCHES)[number];
/** Fewer letters than this make no trigram worth searching on. */
const NAME_MIN_LETTERS = 2;

export interface RecordSearchTerms {
  recordId: string;
  /** `nhs:`, `upn:`, `pnc:` keys the query makes when read as an identifier (search-keys.ts). */
  identifierKeys: string[];
  /** The query as a normalised name (as `search_name` is stored), or '' when it has too few letters. */
  name: string;
}

export function recordSearchTerms(query: string): RecordSearchTerms {
  const trimmed = query.trim();
  // A person with no names and no date of birth has only identifier keys: the query read as each one.
  const identifierKeys = subjectSearchKeys({
    givenName: '',
    familyName: '',
    nhsNumber: trimmed,
    upn: trimmed,
    pncId: trimmed,
  }).filter((key) => /^(nhs|upn|pnc):/.test(key));
  const name = normaliseName(trimmed);
  return {
    recordId: trimmed,
    identifierKeys,
    name: name.replace(/\s/g, '').length >= NAME_MIN_LETTERS ? name : '',
  };
}

/** The statement searchAgencyRecords runs (exported so its plan can be checked). */
export function recordSearchQuery(terms: RecordSearchTerms): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [terms.recordId];
  const branches = [
    `SELECT record_id, 0 AS rank, 1::real AS similarity FROM agency_people WHERE record_id = $1`,
  ];
  if (terms.identifierKeys.length) {
    parameters.push(terms.identifierKeys);
    branches.push(
      `SELECT record_id, 1, 1::real FROM agency_people WHERE search_keys && $${parameters.length}::text[]`,
    );
  }
  if (terms.name) {
    parameters.push(terms.name);
    const name = `$${parameters.length}`;
    branches.push(
      `(SELECT record_id, 2, greatest(similarity(search_name, ${name}), word_similarity(${name}, search_name))
          FROM agency_people WHERE search_name % ${name} OR search_name %> ${name}
         ORDER BY 3 DESC, record_id LIMIT ${RECORD_SEARCH_LIMIT + 1})`,
    );
  }
  const sql = `WITH found AS MATERIALIZED (${branches.join(' UNION ALL ')}),
               best AS (SELECT DISTINCT ON (record_id) record_id, rank, similarity
                          FROM found ORDER BY record_id, rank, similarity DESC)
               SELECT person.record_id, person.given_name, person.family_name, person.other_names,
                      person.date_of_birth::text AS date_of_birth, person.gender, person.address,
                      person.nhs_number, person.upn, person.pnc_id, best.rank, best.similarity
                 FROM best JOIN agency_people person USING (record_id)
                ORDER BY best.rank, best.similarity DESC, person.record_id
                LIMIT ${RECORD_SEARCH_LIMIT + 1}`;
  return { sql, parameters };
}

export interface FoundRecord {
  recordId: string;
  givenName: string;
  familyName: string;
  otherNames: string[];
  dateOfBirth: string;
  gender: Gender | null;
  address: Address | null;
  nhsNumber: string | null;
  upn: string | null;
  pncId: string | null;
  matchedBy: RecordSearchMatch;
  /** 0..1: how alike the name is to the query (1 for a record id or an identifier). */
  similarity: number;
}

/** At most RECORD_SEARCH_LIMIT records, closest first; `more`: others were left out. */
export async function searchAgencyRecords(
  manager: EntityManager,
  query: string,
): Promise<{ records: FoundRecord[]; more: boolean }> {
  const { sql, parameters } = recordSearchQuery(recordSearchTerms(query));
  const rows: RecordSearchRow[] = await manager.query(sql, parameters);
  return {
    records: rows.slice(0, RECORD_SEARCH_LIMIT).map(toFoundRecord),
    more: rows.length > RECORD_SEARCH_LIMIT,
  };
}

interface RecordSearchRow extends PersonRow {
  date_of_birth: string;
  rank: number;
  similarity: number;
}

function toFoundRecord(row: RecordSearchRow): FoundRecord {
  return {
    ...personFromRow(row),
    dateOfBirth: row.date_of_birth,
    matchedBy: RECORD_SEARCH_MATCHES[row.rank],
    similarity: Math.round(Number(row.similarity) * 100) / 100,
  };
}
