import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A practitioner's browser may send an answer again after a timeout, with the same `Idempotency-Key`.
 * The key is stored with the answer it produced, with a hash of the request (never the request itself),
 * so a repeat gets the first answer back and a key reused for another request is refused. The unique
 * index is what makes two concurrent repeats unable to both be stored, whatever the locking above it.
 */
export class IdempotentAnswers1763800000370 implements MigrationInterface {
  name = 'IdempotentAnswers1763800000370';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE check_responses
        ADD COLUMN idempotency_key text,
        ADD COLUMN request_hash text,
        ADD CONSTRAINT check_responses_idempotency_hashed
          CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))`);
    await runner.query(
      `CREATE UNIQUE INDEX check_responses_idempotency ON check_responses (check_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX check_responses_idempotency`);
    await runner.query(`
      ALTER TABLE check_responses
        DROP CONSTRAINT check_responses_idempotency_hashed,
        DROP COLUMN idempotency_key,
        DROP COLUMN request_hash`);
  }
}
