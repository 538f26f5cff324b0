import type { QueryRunner } from 'typeorm';
import type { Address } from '@mash/contracts';
import { personSearchColumns } from '@mash/matching';

const BATCH = 5_000;

/**
 * Computes every stored person's search keys and search name again (matching/search-keys.ts), in
 * batches by record id: for a migration that changes which keys a person has, so people imported
 * before it are found as those imported after it are.
 */
export async function recomputeSearchKeys(runner: QueryRunner): Promise<void> {
  let after = '';
  for (;;) {
    const people: Array<Record<string, string | string[] | Address | null>> = await runner.query(
      `SELECT record_id, given_name, family_name, other_names, date_of_birth::text AS date_of_birth,
              address, nhs_number, upn, pnc_id
         FROM agency_people WHERE record_id > $1 ORDER BY record_id LIMIT ${BATCH}`,
      [after],
    );
    if (!people.length) return;
    const columns = people.map((person) => ({
      recordId: person.record_id,
      ...personSearchColumns({
        givenName: person.given_name as string,
        familyName: person.family_name as string,
        otherNames: person.other_names as string[],
        dateOfBirth: person.date_of_birth as string,
        address: person.address as Address | null,
        nhsNumber: person.nhs_number as string | null,
        upn: person.upn as string | null,
        pncId: person.pnc_id as string | null,
      }),
    }));
    await runner.query(
      `UPDATE agency_people AS person
          SET search_keys = ARRAY(SELECT jsonb_array_elements_text(row.value -> 'searchKeys')),
              search_name = row.value ->> 'searchName'
         FROM jsonb_array_elements($1::jsonb) AS row
        WHERE person.record_id = row.value ->> 'recordId'`,
      [JSON.stringify(columns)],
    );
    after = people[people.length - 1].record_id as string;
  }
}
