import type { Address, Gender } from '@mash/contracts';
import type { CandidateRecord, CandidateTable } from '@mash/matching';

interface IndexPersonRow {
  record_id: string;
  given_name: string;
  family_name: string;
  other_names: string[] | null;
  date_of_birth: string | null;
  gender: Gender | null;
  address: Address | null;
}

function fromRow(row: IndexPersonRow): CandidateRecord {
  return {
    recordId: row.record_id,
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: row.other_names ?? [],
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    address: row.address,
  };
}

/** The children of the index, as the hub's matcher searches them (record id = the child's record). */
export const INDEX_CHILDREN: CandidateTable<IndexPersonRow> = {
  table: 'social_care_index',
  columns: `record_id, given_name, family_name, ARRAY(SELECT jsonb_array_elements_text(other_names)) AS other_names,
            date_of_birth::text AS date_of_birth, gender, address`,
  fromRow,
};

/**
 * The mothers the index's records name, one row per child's record (record id = the child's record),
 * at the child's address: an unborn child is found through her.
 */
export const INDEX_MOTHERS: CandidateTable<IndexPersonRow> = {
  table: 'social_care_index_mothers',
  columns: `record_id, given_name, family_name, other_names, date_of_birth::text AS date_of_birth,
            'female'::text AS gender,
            (SELECT child.address FROM social_care_index child
              WHERE child.record_id = social_care_index_mothers.record_id) AS address`,
  fromRow,
};
