import { MigrationInterface, QueryRunner } from 'typeorm';

/** The agency's own records: people and the facts it holds about them. */
export class CreateAgencyRecords1763800000300 implements MigrationInterface {
  name = 'CreateAgencyRecords1763800000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE agency_people (
        record_id text PRIMARY KEY,
        given_name text NOT NULL,
        family_name text NOT NULL,
        other_names jsonb NOT NULL DEFAULT '[]',
        given_name_key text NOT NULL,
        family_name_key text NOT NULL,
        date_of_birth date NOT NULL,
        gender text,
        address jsonb,
        nhs_number text,
        upn text,
        pnc_id text,
        imported_at timestamptz NOT NULL
      )`);
    // Exact matching looks people up by family name, given name and date of birth (exact-match.ts).
    await runner.query(
      `CREATE INDEX agency_people_exact_match ON agency_people (family_name_key, given_name_key, date_of_birth)`,
    );
    await runner.query(`
      CREATE TABLE agency_facts (
        fact_id text PRIMARY KEY,
        record_id text NOT NULL REFERENCES agency_people (record_id) ON DELETE CASCADE,
        date date NOT NULL,
        kind text NOT NULL,
        summary text NOT NULL,
        classification text NOT NULL CHECK (classification IN ('shareable', 'mash-only')),
        severity text NOT NULL CHECK (severity IN ('red', 'amber', 'green')),
        role text
      )`);
    await runner.query(`CREATE INDEX agency_facts_record ON agency_facts (record_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE agency_facts`);
    await runner.query(`DROP TABLE agency_people`);
  }
}
