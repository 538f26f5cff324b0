import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every service that publishes or consumes includes this migration. */
export class CreateMessagingTables1763800000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        sequence bigserial PRIMARY KEY,
        message_id uuid NOT NULL UNIQUE,
        exchange text NOT NULL,
        routing_key text NOT NULL,
        type text NOT NULL,
        correlation_id text NOT NULL,
        headers jsonb NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await runner.query(`CREATE INDEX outbox_unpublished ON outbox (sequence) WHERE published_at IS NULL`);
    await runner.query(`
      CREATE TABLE inbox (
        queue text NOT NULL,
        message_id text NOT NULL,
        type text NOT NULL,
        handled_at timestamptz NOT NULL,
        PRIMARY KEY (queue, message_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE inbox`);
    await runner.query(`DROP TABLE outbox`);
  }
}
