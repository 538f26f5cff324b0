import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a practitioner's review and answer need:
 * - each fact keeps its kind's own fields (`details`);
 * - a check may be answered more than once: partial answers (Northamptonshire stage 2: "record if they
 *   ... are still awaiting a response"), then one complete answer, which the database allows only once;
 * - a check's subjects are findable by who they are (NHS number, UPN, PNC id, name and date of birth),
 *   and its answers by the records they matched, so a practitioner sees what the agency said about the
 *   same people before (Northamptonshire 12: add to it, don't start again);
 * - the disclosure log says which answer, whether it was partial, and what it rated;
 * - a check keeps its request's trace context, so a practitioner's answer continues the contact's trace.
 */
export class PractitionerResponses1763800000350 implements MigrationInterface {
  name = 'PractitionerResponses1763800000350';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agency_facts ADD COLUMN details jsonb NOT NULL DEFAULT '{}'`);

    await runner.query(`
      ALTER TABLE check_responses
        ADD COLUMN response_id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN partial boolean NOT NULL DEFAULT false,
        ADD COLUMN awaiting jsonb NOT NULL DEFAULT '[]'`);
    await runner.query(`ALTER TABLE check_responses ALTER COLUMN response_id DROP DEFAULT`);
    await runner.query(`ALTER TABLE check_responses DROP CONSTRAINT check_responses_pkey`);
    await runner.query(`ALTER TABLE check_responses ADD PRIMARY KEY (response_id)`);
    await runner.query(`CREATE INDEX check_responses_check ON check_responses (check_id, responded_at)`);
    // However a request races another, a check has at most one complete answer.
    await runner.query(
      `CREATE UNIQUE INDEX check_responses_one_complete ON check_responses (check_id) WHERE NOT partial`,
    );
    await runner.query(
      `CREATE INDEX check_responses_matches ON check_responses USING gin (matches jsonb_path_ops)`,
    );

    // The request's trace context, so a practitioner's answer, hours later, continues the contact's trace.
    await runner.query(
      `ALTER TABLE checks ADD COLUMN partial_responded_at timestamptz, ADD COLUMN trace_headers jsonb NOT NULL DEFAULT '{}'`,
    );

    await runner.query(`
      CREATE TABLE check_subject_keys (
        check_id uuid NOT NULL REFERENCES checks (check_id) ON DELETE CASCADE,
        subject_id text NOT NULL,
        key text NOT NULL,
        PRIMARY KEY (check_id, subject_id, key)
      )`);
    await runner.query(`CREATE INDEX check_subject_keys_key ON check_subject_keys (key)`);
    // The same keys subject-identity.ts computes for new checks.
    await runner.query(`
      INSERT INTO check_subject_keys (check_id, subject_id, key)
      SELECT DISTINCT c.check_id, s->>'subjectId', k.key
        FROM checks c
        CROSS JOIN LATERAL jsonb_array_elements(c.subjects) s
        CROSS JOIN LATERAL (VALUES
          (CASE WHEN s->>'nhsNumber' ~ '^\\d{10}$' THEN 'nhs:' || (s->>'nhsNumber') END),
          (CASE WHEN coalesce(s->>'upn', '') <> '' THEN 'upn:' || upper(btrim(s->>'upn')) END),
          (CASE WHEN coalesce(s->>'pncId', '') <> '' THEN 'pnc:' || upper(btrim(s->>'pncId')) END),
          (CASE WHEN coalesce(s->>'dateOfBirth', '') <> '' THEN 'person:'
             || lower(regexp_replace(btrim(normalize(s->>'givenName', NFC)), '\\s+', ' ', 'g')) || '|'
             || lower(regexp_replace(btrim(normalize(s->>'familyName', NFC)), '\\s+', ' ', 'g')) || '|'
             || (s->>'dateOfBirth') END)
        ) AS k(key)
       WHERE k.key IS NOT NULL`);

    await runner.query(`
      ALTER TABLE disclosures
        ADD COLUMN response_id uuid,
        ADD COLUMN partial boolean NOT NULL DEFAULT false,
        ADD COLUMN rag text,
        ADD COLUMN no_trace boolean`);
    await runner.query(
      `CREATE INDEX disclosures_records ON disclosures USING gin (record_ids jsonb_path_ops)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX disclosures_records`);
    await runner.query(
      `ALTER TABLE disclosures DROP COLUMN response_id, DROP COLUMN partial, DROP COLUMN rag, DROP COLUMN no_trace`,
    );
    await runner.query(`DROP TABLE check_subject_keys`);
    await runner.query(`ALTER TABLE checks DROP COLUMN partial_responded_at, DROP COLUMN trace_headers`);
    // Only the complete answers fit the old one-answer-per-check table.
    await runner.query(`DELETE FROM check_responses WHERE partial`);
    await runner.query(`DROP INDEX check_responses_matches`);
    await runner.query(`DROP INDEX check_responses_one_complete`);
    await runner.query(`DROP INDEX check_responses_check`);
    await runner.query(`ALTER TABLE check_responses DROP CONSTRAINT check_responses_pkey`);
    await runner.query(`ALTER TABLE check_responses ADD PRIMARY KEY (check_id)`);
    await runner.query(
      `ALTER TABLE check_responses DROP COLUMN response_id, DROP COLUMN partial, DROP COLUMN awaiting`,
    );
    await runner.query(`ALTER TABLE agency_facts DROP COLUMN details`);
  }
}
