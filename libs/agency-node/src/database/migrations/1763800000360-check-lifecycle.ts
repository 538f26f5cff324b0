import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What happens to a check after it is requested, beyond the agency's own answer: the hub chases it when
 * it is overdue, withdraws it when a manager no longer needs it, re-times it when the contact's RAG
 * changes; the agency escalates heightened risk (issue "Screening, consent and timescales").
 */
export class CheckLifecycle1763800000360 implements MigrationInterface {
  name = 'CheckLifecycle1763800000360';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE checks DROP CONSTRAINT checks_status_check`);
    await runner.query(
      `ALTER TABLE checks ADD CONSTRAINT checks_status_check CHECK (status IN ('open', 'responded', 'cancelled'))`,
    );
    await runner.query(`
      ALTER TABLE checks
        ADD COLUMN chase_count integer NOT NULL DEFAULT 0,
        ADD COLUMN last_chased_at timestamptz,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by text,
        ADD COLUMN cancellation_reason text`);
    await runner.query(`
      CREATE TABLE check_escalations (
        escalation_id uuid PRIMARY KEY,
        check_id uuid NOT NULL REFERENCES checks (check_id) ON DELETE CASCADE,
        escalated_at timestamptz NOT NULL,
        escalated_by text NOT NULL,
        from_rag text NOT NULL CHECK (from_rag IN ('red', 'amber', 'green')),
        rag text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
        reason text NOT NULL
      )`);
    await runner.query(`CREATE INDEX check_escalations_check ON check_escalations (check_id, escalated_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE check_escalations`);
    await runner.query(`
      ALTER TABLE checks
        DROP COLUMN chase_count, DROP COLUMN last_chased_at, DROP COLUMN cancelled_at,
        DROP COLUMN cancelled_by, DROP COLUMN cancellation_reason`);
    await runner.query(`ALTER TABLE checks DROP CONSTRAINT checks_status_check`);
    await runner.query(
      `ALTER TABLE checks ADD CONSTRAINT checks_status_check CHECK (status IN ('open', 'responded'))`,
    );
  }
}
