import { MigrationInterface, QueryRunner } from 'typeorm';
import { recomputeIndexSearchKeys } from '../../social-care-index/index-search-keys';

/**
 * The social care index searched with the hub's matcher (`@mash/matching`, as the agency nodes search
 * their records): each record's blocking keys in one GIN index and its normalised full name for trigram
 * similarity (pg_trgm, a trusted extension the service's own role creates), an index on the date of
 * birth. The index may now hold unborn children (a pre-birth case: `unborn`, `expected_due_date`, no
 * date of birth), a record's `family_id` (the index's family or case group) and its `mother`; the
 * mothers are searched too (`social_care_index_mothers`, one row per record that names a mother), so an
 * unborn child is found by the mother's record and the due date.
 *
 * `index_match_reviews` holds a contact whose child may be a record of the index (a possible match)
 * until a contact officer confirms or rejects it; then it is screened and the contact is erased from
 * the row (ids, scores and reasons stay, as the screening's evidence).
 */
export class IndexMatching1763800000230 implements MigrationInterface {
  name = 'IndexMatching1763800000230';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await runner.query(`
      ALTER TABLE social_care_index
        ALTER COLUMN date_of_birth DROP NOT NULL,
        ADD COLUMN unborn boolean NOT NULL DEFAULT false,
        ADD COLUMN expected_due_date date,
        ADD COLUMN family_id text,
        ADD COLUMN mother jsonb,
        ADD COLUMN search_keys text[] NOT NULL DEFAULT '{}',
        ADD COLUMN search_name text NOT NULL DEFAULT '',
        ADD CONSTRAINT social_care_index_born_or_due
          CHECK (date_of_birth IS NOT NULL OR (unborn AND expected_due_date IS NOT NULL))`);
    await runner.query(`
      CREATE TABLE social_care_index_mothers (
        record_id text PRIMARY KEY REFERENCES social_care_index (record_id) ON DELETE CASCADE,
        given_name text NOT NULL,
        family_name text NOT NULL,
        other_names text[] NOT NULL DEFAULT '{}',
        date_of_birth date,
        search_keys text[] NOT NULL DEFAULT '{}',
        search_name text NOT NULL DEFAULT ''
      )`);
    await recomputeIndexSearchKeys(runner);
    await runner.query(
      `CREATE INDEX social_care_index_search_keys ON social_care_index USING gin (search_keys)`,
    );
    await runner.query(`CREATE INDEX social_care_index_date_of_birth ON social_care_index (date_of_birth)`);
    await runner.query(`CREATE INDEX social_care_index_family ON social_care_index (family_id)`);
    await runner.query(
      `CREATE INDEX social_care_index_mothers_search_keys ON social_care_index_mothers USING gin (search_keys)`,
    );
    await runner.query(
      `CREATE INDEX social_care_index_mothers_date_of_birth ON social_care_index_mothers (date_of_birth)`,
    );
    await runner.query(`
      CREATE TABLE index_match_reviews (
        contact_id uuid PRIMARY KEY,
        reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('awaiting-review', 'screened')),
        received_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        contact jsonb,
        settled jsonb NOT NULL DEFAULT '[]',
        children jsonb NOT NULL DEFAULT '[]',
        screened_at timestamptz,
        CHECK ((status = 'awaiting-review') = (contact IS NOT NULL))
      )`);
    await runner.query(
      `CREATE INDEX index_match_reviews_awaiting ON index_match_reviews (received_at) WHERE status = 'awaiting-review'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE index_match_reviews`);
    await runner.query(`DROP TABLE social_care_index_mothers`);
    await runner.query(`DELETE FROM social_care_index WHERE date_of_birth IS NULL`);
    await runner.query(`
      ALTER TABLE social_care_index
        DROP CONSTRAINT social_care_index_born_or_due,
        DROP COLUMN unborn, DROP COLUMN expected_due_date, DROP COLUMN family_id, DROP COLUMN mother,
        DROP COLUMN search_keys, DROP COLUMN search_name,
        ALTER COLUMN date_of_birth SET NOT NULL`);
  }
}
