import { Client } from 'pg';

/**
 * One integration run at a time on this machine: every run recreates the shared `mash-test` vhost and
 * `mash_test_*` databases, so two concurrent runs would pull the ground from under each other. The lock
 * is a PostgreSQL advisory lock held by a connection that lives from global setup to global teardown.
 */
const LOCK_BASE = 7_461_001;
const holder = globalThis as { __mashRunLock?: Client };

export async function acquireRunLock(
  pgAdminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
) {
  // One lock per test hub: runs in different MASH_TEST_NAMESPACEs have their own vhost and databases.
  const LOCK_KEY =
    LOCK_BASE +
    [...(process.env.MASH_TEST_NAMESPACE ?? '')].reduce(
      (sum, c) => (sum * 31 + c.charCodeAt(0)) % 1_000_000,
      0,
    );
  const client = new Client({ connectionString: pgAdminUrl, application_name: 'mash-test-run-lock' });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  holder.__mashRunLock = client;
}

export async function releaseRunLock() {
  const client = holder.__mashRunLock;
  holder.__mashRunLock = undefined;
  await client?.end().catch(() => undefined);
}
