import { MigrationInterface, QueryRunner } from 'typeorm';

/** The check inbox: each request, the records found for its subjects, and the answer sent. */
export class CreateChecks1763800000310 implements MigrationInterface {
  name = 'CreateChecks1763800000310';

  async up(runner: QueryRunner): Promise<void> {
    // check_id is the key, so a second request for the same check (under another message id) adds nothing.
    await runner.query(`
      CREATE TABLE checks (
        check_id uuid PRIMARY KEY,
        contact_id uuid NOT NULL,
        reference text NOT NULL,
        agency text NOT NULL,
        rag text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
        requested_at timestamptz NOT NULL,
        due_at timestamptz,
        received_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'responded')),
        subjects jsonb NOT NULL,
        concern_categories jsonb NOT NULL,
        concern_summary text NOT NULL,
        responded_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX checks_work_list ON checks (status, due_at ASC NULLS LAST, requested_at)`,
    );
    await runner.query(`CREATE INDEX checks_contact ON checks (contact_id)`);
    await runner.query(`
      CREATE TABLE check_candidates (
        check_id uuid NOT NULL REFERENCES checks (check_id) ON DELETE CASCADE,
        subject_id text NOT NULL,
        record_id text NOT NULL,
        confidence text NOT NULL CHECK (confidence IN ('match', 'possible-match')),
        PRIMARY KEY (check_id, subject_id, record_id)
      )`);
    await runner.query(`
      CREATE TABLE check_responses (
        check_id uuid PRIMARY KEY REFERENCES checks (check_id) ON DELETE CASCADE,
        responded_at timestamptz NOT NULL,
        responded_by text NOT NULL,
        rag text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
        no_trace boolean NOT NULL,
        analysis text NOT NULL,
        matches jsonb NOT NULL,
        items jsonb NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE check_responses`);
    await runner.query(`DROP TABLE check_candidates`);
    await runner.query(`DROP TABLE checks`);
  }
}
