import type { EntityManager, QueryRunner } from 'typeorm';
import type { Address } from '@mash/contracts';
import { personSearchColumns } from '@mash/matching';

/** The mother a record of the index names (the import's `mother`). */
export interface IndexMother {
  givenName: string;
  familyName: string;
  otherNames?: string[] | null;
  dateOfBirth?: string | null;
}

const BATCH = 2_000;

/**
 * Writes the search keys of the given records (social_care_index.search_keys, search_name) and their
 * mothers' rows (social_care_index_mothers) from what is stored, with the matcher's own
 * personSearchColumns: after an import, in its transaction, so a record is searchable exactly when
 * it is stored.
 */
export async function writeIndexSearchKeys(
  manager: Pick<EntityManager, 'query'>,
  recordIds: readonly string[],
): Promise<void> {
  for (let start = 0; start < recordIds.length; start += BATCH) {
    const ids = recordIds.slice(start, start + BATCH);
    const rows: Array<{
      record_id: string;
      given_name: string;
      family_name: string;
      other_names: string[];
      date_of_birth: string | null;
      address: Address | null;
      mother: IndexMother | null;
    }> = await manager.query(
      `SELECT record_id, given_name, family_name, other_names, date_of_birth::text AS date_of_birth, address, mother
         FROM social_care_index WHERE record_id = ANY($1::text[])`,
      [ids],
    );
    const keys = rows.map((row) => ({
      recordId: row.record_id,
      ...personSearchColumns({
        givenName: row.given_name,
        familyName: row.family_name,
        otherNames: row.other_names ?? [],
        dateOfBirth: row.date_of_birth,
        address: row.address,
      }),
    }));
    await manager.query(
      `UPDATE social_care_index AS record
          SET search_keys = ARRAY(SELECT jsonb_array_elements_text(row.value -> 'searchKeys')),
              search_name = row.value ->> 'searchName'
         FROM jsonb_array_elements($1::jsonb) AS row
        WHERE record.record_id = row.value ->> 'recordId'`,
      [JSON.stringify(keys)],
    );
    await manager.query(`DELETE FROM social_care_index_mothers WHERE record_id = ANY($1::text[])`, [ids]);
    const mothers = rows
      .filter((row) => row.mother)
      .map((row) => {
        const mother = row.mother!;
        const person = {
          givenName: mother.givenName,
          familyName: mother.familyName,
          otherNames: mother.otherNames ?? [],
          dateOfBirth: mother.dateOfBirth ?? null,
          // The child's address is the mother's too, as far as the index knows: it finds her at home.
          address: row.address,
        };
        return { recordId: row.record_id, ...person, ...personSearchColumns(person) };
      });
    if (mothers.length)
      await manager.query(
        `INSERT INTO social_care_index_mothers
                (record_id, given_name, family_name, other_names, date_of_birth, search_keys, search_name)
         SELECT row.value ->> 'recordId', row.value ->> 'givenName', row.value ->> 'familyName',
                ARRAY(SELECT jsonb_array_elements_text(row.value -> 'otherNames')),
                (row.value ->> 'dateOfBirth')::date,
                ARRAY(SELECT jsonb_array_elements_text(row.value -> 'searchKeys')),
                row.value ->> 'searchName'
           FROM jsonb_array_elements($1::jsonb) AS row`,
        [JSON.stringify(mothers)],
      );
  }
}

/** Every stored record's keys again (a migration that changes the keys). */
export async function recomputeIndexSearchKeys(runner: QueryRunner): Promise<void> {
  const rows: Array<{ record_id: string }> = await runner.query(
    `SELECT record_id FROM social_care_index ORDER BY record_id`,
  );
  await writeIndexSearchKeys(
    runner,
    rows.map((row) => row.record_id),
  );
}
