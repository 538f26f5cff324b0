import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every service that serves pages includes this migration: the sessions of people signed in to its pages. */
export class CreateWebSessions1764800000000 implements MigrationInterface {
  name = 'CreateWebSessions1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    // connect-pg-simple's own table (its table.sql), under a name of the hub's.
    await runner.query(`
      CREATE TABLE web_session (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await runner.query(`CREATE INDEX web_session_expire ON web_session (expire)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE web_session`);
  }
}
