import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSocialCareIndex1763800000200 implements MigrationInterface {
  name = 'CreateSocialCareIndex1763800000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE social_care_index (
        record_id text PRIMARY KEY,
        given_name text NOT NULL,
        family_name text NOT NULL,
        other_names jsonb NOT NULL DEFAULT '[]',
        date_of_birth date NOT NULL,
        gender text,
        address jsonb,
        status text NOT NULL CHECK (status IN ('open', 'closed', 'early-help-open')),
        allocated_worker text,
        team text,
        opened_at timestamptz,
        closed_at timestamptz,
        imported_at timestamptz NOT NULL,
        given_name_key text GENERATED ALWAYS AS (lower(btrim(given_name))) STORED,
        family_name_key text GENERATED ALWAYS AS (lower(btrim(family_name))) STORED
      )`);
    // Screening looks a child up by exact (case-insensitive) names and date of birth.
    await runner.query(
      `CREATE INDEX social_care_index_lookup ON social_care_index (family_name_key, given_name_key, date_of_birth)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE social_care_index`);
  }
}
