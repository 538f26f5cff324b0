import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A repeated submission is the first contact only when it is the same request: the hash of the first
 * body is kept with its Idempotency-Key (issue 15: another body under that key was given the first
 * contact's id).
 */
export class ContactRequestHash1763800000110 implements MigrationInterface {
  name = 'ContactRequestHash1763800000110';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contacts ADD COLUMN request_hash text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contacts DROP COLUMN request_hash`);
  }
}
