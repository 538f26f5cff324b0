import { MigrationInterface, QueryRunner } from 'typeorm';
import { recomputeSearchKeys } from '../recompute-search-keys';

/**
 * A given name is now looked up with two of the three parts of the date of birth (`g:<code>|ym:`,
 * `yd:`, `md:`) rather than the whole date (`g:<code>|d:`), so that a record whose family name is
 * misspelt and whose date of birth is mistyped as well is still found (matching/search-keys.ts). The
 * keys of people already stored are computed again; the GIN index follows the column.
 */
export class GivenNameSearchKeysWithDatePairs1763800000400 implements MigrationInterface {
  name = 'GivenNameSearchKeysWithDatePairs1763800000400';

  async up(runner: QueryRunner): Promise<void> {
    await recomputeSearchKeys(runner);
    // Every row's keys were rewritten: the GIN index's pending list would slow each search (tens of
    // milliseconds at a million people) until autovacuum merged it. Merged now, and the planner told.
    await runner.query(`SELECT gin_clean_pending_list('agency_people_search_keys')`);
    await runner.query(`ANALYZE agency_people`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // Nothing to undo in the schema. The previous version's code looks for `g:<code>|d:` keys, which
    // this version's code cannot make: going back means importing the records again with that version.
    void runner;
  }
}
