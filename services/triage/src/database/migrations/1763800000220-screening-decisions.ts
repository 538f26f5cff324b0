import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What profile-driven screening decides, beside the route and rating: the profile applied, each child's
 * own screening, whom to alert by when, the consent assessment and the deadlines. Screenings stored
 * before this migration keep null (or empty) values: they were screened by the fixed rules.
 */
export class ScreeningDecisions1763800000220 implements MigrationInterface {
  name = 'ScreeningDecisions1763800000220';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE screenings
        ADD COLUMN profile text,
        ADD COLUMN children jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN alerts jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN consent jsonb,
        ADD COLUMN checks_due_at timestamptz,
        ADD COLUMN decision_due_at timestamptz,
        ADD COLUMN leave_hub_by timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE screenings
        DROP COLUMN profile,
        DROP COLUMN children,
        DROP COLUMN alerts,
        DROP COLUMN consent,
        DROP COLUMN checks_due_at,
        DROP COLUMN decision_due_at,
        DROP COLUMN leave_hub_by`);
  }
}
