import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the search could not settle, per subject (CheckMatcher.search): subject ids and counts of
 * namesakes left out, never names, so the practitioner is told when "no candidate" is not "no trace".
 */
export class CheckSearchNotes1763800000410 implements MigrationInterface {
  name = 'CheckSearchNotes1763800000410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE checks ADD COLUMN search_notes jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE checks DROP COLUMN search_notes`);
  }
}
