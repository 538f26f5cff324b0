import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every kind of notification (issue 13): acknowledgements, family letters, phone tasks, alerts and
 * consultation summaries beside the referrer's outcome. Several rows of one kind and recipient may belong
 * to a contact (two parents, two alerts), told apart by `recipient_key`; the unique key still lets each be
 * prepared once only.
 */
export class EveryKindOfNotification1764800000500 implements MigrationInterface {
  name = 'EveryKindOfNotification1764800000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notifications
      ADD COLUMN recipient_key text NOT NULL DEFAULT '',
      ADD COLUMN due_at timestamptz,
      ADD COLUMN call_list jsonb,
      ADD COLUMN done_at timestamptz,
      ADD COLUMN done_by text,
      ADD COLUMN note text,
      ADD COLUMN reason text,
      ADD COLUMN alert_index integer,
      ADD COLUMN waiting_for text,
      ALTER COLUMN document DROP NOT NULL`);
    await runner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_once_per_contact`);
    await runner.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_once_per_contact
      UNIQUE (contact_id, kind, recipient, recipient_key)`);
    // The overdue list: anything due and not yet sent, done or given up on.
    await runner.query(`CREATE INDEX notifications_open_due ON notifications (due_at)
      WHERE status IN ('queued', 'to-do', 'send-by-hand', 'waiting', 'ready-to-post')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX notifications_open_due`);
    await runner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_once_per_contact`);
    await runner.query(`DELETE FROM notifications WHERE document IS NULL OR recipient_key <> ''`);
    await runner.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_once_per_contact
      UNIQUE (contact_id, kind, recipient)`);
    await runner.query(`ALTER TABLE notifications
      DROP COLUMN recipient_key, DROP COLUMN due_at, DROP COLUMN call_list, DROP COLUMN done_at,
      DROP COLUMN done_by, DROP COLUMN note, DROP COLUMN reason, DROP COLUMN alert_index,
      DROP COLUMN waiting_for, ALTER COLUMN document SET NOT NULL`);
  }
}
