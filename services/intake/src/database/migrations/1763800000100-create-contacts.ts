import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContacts1763800000100 implements MigrationInterface {
  name = 'CreateContacts1763800000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE contact_reference_seq`);
    await runner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        received_at timestamptz NOT NULL,
        source text NOT NULL,
        channel text NOT NULL,
        request_type text NOT NULL,
        details jsonb NOT NULL,
        idempotency_key text UNIQUE
      )`);
    await runner.query(`CREATE INDEX contacts_received_at ON contacts (received_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE contacts`);
    await runner.query(`DROP SEQUENCE contact_reference_seq`);
  }
}
