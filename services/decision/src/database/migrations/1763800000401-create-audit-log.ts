import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DESIGN.md, Security: the audit log is append-only. Privileges alone do not hold against the table's
 * owner (the service's own role), so a trigger refuses every UPDATE and DELETE, whoever asks.
 */
export class CreateAuditLog1763800000401 implements MigrationInterface {
  name = 'CreateAuditLog1763800000401';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        contact_id uuid NOT NULL,
        detail jsonb
      )`);
    await runner.query(`CREATE INDEX audit_log_contact ON audit_log (contact_id, at)`);
    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
    await runner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit_log`);
    await runner.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}
