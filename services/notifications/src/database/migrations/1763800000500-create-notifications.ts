import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1763800000500 implements MigrationInterface {
  name = 'CreateNotifications1763800000500';

  async up(runner: QueryRunner): Promise<void> {
    // One row per thing the referrer or family is told. The rendered document and email are stored
    // with it, so what is sent (or printed) later is exactly what was prepared when the decision arrived.
    await runner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        contact_id uuid NOT NULL,
        reference text NOT NULL,
        kind text NOT NULL,
        recipient text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        email_to text,
        email_subject text,
        email_text text,
        document bytea NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        CONSTRAINT notifications_once_per_contact UNIQUE (contact_id, kind, recipient)
      )`);
    await runner.query(
      `CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'queued'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notifications`);
  }
}
