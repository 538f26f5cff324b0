import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScreenings1763800000210 implements MigrationInterface {
  name = 'CreateScreenings1763800000210';

  async up(runner: QueryRunner): Promise<void> {
    // One screening per contact: the primary key is a second guard (after the inbox) against a
    // contact being screened, and its checks requested, twice.
    await runner.query(`
      CREATE TABLE screenings (
        contact_id uuid PRIMARY KEY,
        route text NOT NULL,
        rag text NOT NULL,
        rationale text NOT NULL,
        screened_at timestamptz NOT NULL,
        social_care_index jsonb NOT NULL,
        checks jsonb NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE screenings`);
  }
}
