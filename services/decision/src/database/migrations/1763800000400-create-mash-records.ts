import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMashRecords1763800000400 implements MigrationInterface {
  name = 'CreateMashRecords1763800000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE mash_records (
        contact_id uuid PRIMARY KEY,
        reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('received', 'screening', 'awaiting-consent-decision',
          'awaiting-checks', 'ready-for-decision', 'decided', 'closed')),
        route text NOT NULL,
        received_at timestamptz NOT NULL,
        screening jsonb NOT NULL,
        rag_rating text NOT NULL CHECK (rag_rating IN ('red', 'amber', 'green')),
        rag_set_at timestamptz NOT NULL,
        rag_set_by text NOT NULL,
        rag_reason text,
        contact jsonb NOT NULL,
        checks_due_at timestamptz,
        decision_due_at timestamptz,
        feedback_due_at timestamptz,
        outcome text,
        rationale text,
        feedback_to_referrer text,
        decided_by text,
        decided_at timestamptz,
        signed_off_by text,
        feedback_sent_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT decided_records_have_a_decision
          CHECK (status <> 'decided' OR (outcome IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX mash_records_work_list ON mash_records (status, received_at)`);
    await runner.query(`CREATE INDEX mash_records_received_at ON mash_records (received_at)`);
    await runner.query(`
      CREATE TABLE record_checks (
        check_id uuid PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES mash_records (contact_id),
        agency text NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'responded', 'overdue', 'not-required')),
        requested_at timestamptz NOT NULL,
        due_at timestamptz,
        responded_at timestamptz,
        response jsonb,
        CONSTRAINT responded_checks_have_a_response CHECK (status <> 'responded' OR response IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX record_checks_contact ON record_checks (contact_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE record_checks`);
    await runner.query(`DROP TABLE mash_records`);
  }
}
