import { MigrationInterface, QueryRunner } from 'typeorm';
import { recomputeSearchKeys } from '../recompute-search-keys';

/**
 * Search keys for matching (matching/search-keys.ts): the blocking keys of each person in one GIN
 * index (identifiers among them), the normalised full name for trigram similarity (pg_trgm) among
 * people born on one day, and an index on the date of birth. A transposed day and month needs no index
 * of its own: the search looks the subject's transposed date up in the same one.
 *
 * pg_trgm is a trusted extension (PostgreSQL 13 on), so the service's own role, which owns its
 * database, creates it here: no superuser step in provisioning is needed. The phonetic codes are
 * computed in TypeScript (talisman's Double Metaphone), one definition for stored keys and scoring, so
 * fuzzystrmatch is not needed. The keys of people already stored are filled in by the same function.
 */
export class MatchingSearchKeys1763800000340 implements MigrationInterface {
  name = 'MatchingSearchKeys1763800000340';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await runner.query(`
      ALTER TABLE agency_people
        ADD COLUMN search_keys text[] NOT NULL DEFAULT '{}',
        ADD COLUMN search_name text NOT NULL DEFAULT ''`);
    await recomputeSearchKeys(runner);
    await runner.query(`CREATE INDEX agency_people_search_keys ON agency_people USING gin (search_keys)`);
    await runner.query(`CREATE INDEX agency_people_date_of_birth ON agency_people (date_of_birth)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX agency_people_date_of_birth`);
    await runner.query(`DROP INDEX agency_people_search_keys`);
    await runner.query(`ALTER TABLE agency_people DROP COLUMN search_keys, DROP COLUMN search_name`);
  }
}
