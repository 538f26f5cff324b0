import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 3, screening, consent and timescales: deadlines with their history, overdue and chased checks,
 * checks awaiting consent or withdrawn, RAG history (managers' changes and agencies' escalations),
 * consent decisions, and the children's keys that link a contact to earlier ones about the same child.
 *
 * The history tables are append-only like audit_log: a trigger refuses UPDATE and DELETE, whoever asks.
 */
export class TimescalesConsentRepeats1763800000402 implements MigrationInterface {
  name = 'TimescalesConsentRepeats1763800000402';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE mash_records
        ADD COLUMN profile text,
        ADD COLUMN leave_hub_by timestamptz,
        ADD COLUMN consent jsonb,
        ADD COLUMN alerts jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN children_screening jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN subjects jsonb`);
    await runner.query(`CREATE INDEX mash_records_decision_due ON mash_records (decision_due_at)
      WHERE status NOT IN ('decided', 'closed')`);

    await runner.query(`ALTER TABLE record_checks DROP CONSTRAINT record_checks_status_check`);
    await runner.query(`
      ALTER TABLE record_checks
        ADD CONSTRAINT record_checks_status_check CHECK (status IN
          ('awaiting-consent', 'requested', 'responded', 'overdue', 'not-required', 'cancelled')),
        ADD COLUMN planned_at timestamptz,
        ALTER COLUMN requested_at DROP NOT NULL,
        ADD COLUMN overdue_at timestamptz,
        ADD COLUMN chase_count integer NOT NULL DEFAULT 0,
        ADD COLUMN last_chased_at timestamptz,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by text,
        ADD COLUMN cancel_reason text,
        ADD COLUMN subject_ids text[]`);
    await runner.query(`UPDATE record_checks SET planned_at = requested_at`);
    await runner.query(`ALTER TABLE record_checks ALTER COLUMN planned_at SET NOT NULL`);
    await runner.query(`
      ALTER TABLE record_checks
        ADD CONSTRAINT sent_checks_were_requested
          CHECK (status IN ('awaiting-consent', 'not-required', 'cancelled') OR requested_at IS NOT NULL),
        ADD CONSTRAINT cancelled_checks_say_who_and_why
          CHECK (status <> 'cancelled' OR (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL))`);
    // The sweeper's question: which checks still owed are past their due time?
    await runner.query(`CREATE INDEX record_checks_open_due ON record_checks (due_at)
      WHERE status IN ('requested', 'overdue')`);

    await runner.query(`
      CREATE FUNCTION mash_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);

    await runner.query(`
      CREATE TABLE record_deadlines (
        id bigserial PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES mash_records (contact_id),
        at timestamptz NOT NULL,
        cause text NOT NULL CHECK (cause IN ('screening', 'rag-change', 'escalation', 'consent',
          'agencies-change', 'decision')),
        changed_by text NOT NULL,
        reason text,
        rag text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
        checks_due_at timestamptz,
        decision_due_at timestamptz,
        leave_hub_by timestamptz,
        feedback_due_at timestamptz,
        checks jsonb NOT NULL DEFAULT '[]'
      )`);
    await runner.query(`CREATE INDEX record_deadlines_contact ON record_deadlines (contact_id, id)`);

    await runner.query(`
      CREATE TABLE rag_changes (
        id bigserial PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES mash_records (contact_id),
        at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('screening', 'manager', 'escalation')),
        rating text NOT NULL CHECK (rating IN ('red', 'amber', 'green')),
        previous text CHECK (previous IN ('red', 'amber', 'green')),
        set_by text NOT NULL,
        reason text,
        agency text,
        check_id uuid,
        requested text CHECK (requested IN ('red', 'amber', 'green'))
      )`);
    await runner.query(`CREATE INDEX rag_changes_contact ON rag_changes (contact_id, id)`);
    // Records screened before this migration keep their rating as the first entry of the history.
    await runner.query(`
      INSERT INTO rag_changes (contact_id, at, source, rating, previous, set_by, reason)
      SELECT contact_id, rag_set_at, 'screening', rag_rating, NULL, rag_set_by, rag_reason FROM mash_records`);

    await runner.query(`
      CREATE TABLE consent_decisions (
        id bigserial PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES mash_records (contact_id),
        at timestamptz NOT NULL,
        decision text NOT NULL CHECK (decision IN ('override', 'consent-obtained', 'proceed-without-checks')),
        decided_by text NOT NULL,
        rationale text,
        CONSTRAINT overrides_have_a_rationale CHECK (decision <> 'override' OR rationale IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX consent_decisions_contact ON consent_decisions (contact_id, id)`);

    for (const table of ['record_deadlines', 'rag_changes', 'consent_decisions']) {
      await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
      await runner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION mash_history_is_append_only()`);
    }

    // A child's keys: digests of the normalised names with the date of birth (so the key column holds
    // no name in clear), and the social care index record id when screening knew the child.
    await runner.query(`
      CREATE TABLE record_children (
        contact_id uuid NOT NULL REFERENCES mash_records (contact_id),
        child_index integer NOT NULL,
        key_kind text NOT NULL CHECK (key_kind IN ('name-and-date-of-birth', 'social-care-record')),
        key text NOT NULL,
        PRIMARY KEY (contact_id, child_index, key_kind, key)
      )`);
    await runner.query(`CREATE INDEX record_children_key ON record_children (key_kind, key)`);

    await runner.query(`
      CREATE TABLE record_links (
        contact_id uuid NOT NULL REFERENCES mash_records (contact_id),
        earlier_contact_id uuid NOT NULL REFERENCES mash_records (contact_id),
        child_indexes integer[] NOT NULL,
        matched_by text[] NOT NULL,
        linked_at timestamptz NOT NULL,
        PRIMARY KEY (contact_id, earlier_contact_id),
        CONSTRAINT a_contact_is_not_its_own_repeat CHECK (contact_id <> earlier_contact_id)
      )`);
    await runner.query(`CREATE INDEX record_links_earlier ON record_links (earlier_contact_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE record_links`);
    await runner.query(`DROP TABLE record_children`);
    await runner.query(`DROP TABLE consent_decisions`);
    await runner.query(`DROP TABLE rag_changes`);
    await runner.query(`DROP TABLE record_deadlines`);
    await runner.query(`DROP FUNCTION mash_history_is_append_only()`);
    await runner.query(`DROP INDEX record_checks_open_due`);
    // The old schema knows neither awaiting-consent nor cancelled checks, nor checks never sent.
    await runner.query(`
      UPDATE record_checks SET requested_at = COALESCE(requested_at, planned_at),
        status = CASE WHEN status IN ('awaiting-consent', 'cancelled') THEN 'not-required' ELSE status END`);
    await runner.query(`
      ALTER TABLE record_checks
        DROP CONSTRAINT cancelled_checks_say_who_and_why,
        DROP CONSTRAINT sent_checks_were_requested,
        DROP CONSTRAINT record_checks_status_check,
        DROP COLUMN subject_ids, DROP COLUMN cancel_reason, DROP COLUMN cancelled_by, DROP COLUMN cancelled_at,
        DROP COLUMN last_chased_at, DROP COLUMN chase_count, DROP COLUMN overdue_at,
        DROP COLUMN planned_at,
        ALTER COLUMN requested_at SET NOT NULL,
        ADD CONSTRAINT record_checks_status_check
          CHECK (status IN ('requested', 'responded', 'overdue', 'not-required'))`);
    await runner.query(`DROP INDEX mash_records_decision_due`);
    await runner.query(`
      ALTER TABLE mash_records
        DROP COLUMN subjects, DROP COLUMN children_screening, DROP COLUMN alerts,
        DROP COLUMN consent, DROP COLUMN leave_hub_by, DROP COLUMN profile`);
  }
}
