import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every view of a check and every search of the agency's records is written to an append-only log in
 * the same transaction as the read (DESIGN.md, Security; issue 15). Ids, roles and counts only: never
 * the search text, a name or a record's contents.
 */
export class ViewAuditLog1763800000420 implements MigrationInterface {
  name = 'ViewAuditLog1763800000420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE view_audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        check_id uuid NOT NULL,
        detail jsonb
      )`);
    await runner.query(`CREATE INDEX view_audit_log_check ON view_audit_log (check_id, at)`);
    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON view_audit_log FROM PUBLIC`);
    await runner.query(`
      CREATE FUNCTION view_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'view_audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER view_audit_log_append_only BEFORE UPDATE OR DELETE ON view_audit_log
      FOR EACH ROW EXECUTE FUNCTION view_audit_log_is_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE view_audit_log`);
    await runner.query(`DROP FUNCTION view_audit_log_is_append_only()`);
  }
}
