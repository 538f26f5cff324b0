import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A practitioner may find a person the matcher did not propose, by their own search of the agency's
 * records, and add them as a candidate:
 * - a candidate says where it came from (`origin`: the matcher, or a practitioner), so how often the
 *   matcher missed someone can be counted;
 * - the search by name runs on a trigram index of the normalised full name (pg_trgm, created in
 *   1763800000340). Matching leaves names without a date of birth to its phonetic keys; a person typing
 *   a name into a search box needs the similarity search to be indexed on its own.
 */
export class PractitionerAddedCandidates1763800000380 implements MigrationInterface {
  name = 'PractitionerAddedCandidates1763800000380';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE check_candidates
        ADD COLUMN origin text NOT NULL DEFAULT 'matcher' CHECK (origin IN ('matcher', 'practitioner'))`);
    await runner.query(
      `CREATE INDEX agency_people_search_name_trgm ON agency_people USING gin (search_name gin_trgm_ops)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX agency_people_search_name_trgm`);
    await runner.query(`ALTER TABLE check_candidates DROP COLUMN origin`);
  }
}
