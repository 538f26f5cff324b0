import type { Address, Gender } from '@mash/contracts';
import type { CandidateRecord, CandidateTable } from '@mash/matching';

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

/** The agency's people, as the shared matcher (`@mash/matching`) searches them. */
export const AGENCY_PEOPLE: CandidateTable<PersonRow, StoredPerson> = {
  table: 'agency_people',
  columns: `record_id, given_name, family_name, other_names, date_of_birth::text AS date_of_birth,
            gender, address, nhs_number, upn, pnc_id`,
  fromRow: personFromRow,
};
