import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure log (DESIGN.md, Security; Bexley 16: "the agency providing the information [keeps] a
 * record of the information they have shared"). Append-only: the database itself refuses to change or
 * delete a row.
 */
export class CreateDisclosures1763800000320 implements MigrationInterface {
  name = 'CreateDisclosures1763800000320';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE disclosures (
        id uuid PRIMARY KEY,
        check_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        reference text NOT NULL,
        shared_with text NOT NULL,
        purpose text NOT NULL,
        shareable_items integer NOT NULL,
        mash_only_items integer NOT NULL,
        record_ids jsonb NOT NULL,
        responded_by text NOT NULL,
        disclosed_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX disclosures_disclosed_at ON disclosures (disclosed_at)`);
    await runner.query(`CREATE INDEX disclosures_check ON disclosures (check_id)`);
    await runner.query(`
      CREATE FUNCTION disclosures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the disclosure log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON disclosures
      FOR EACH ROW EXECUTE FUNCTION disclosures_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE disclosures`);
    await runner.query(`DROP FUNCTION disclosures_append_only()`);
  }
}
