import { Client } from 'pg';
import { SERVICES, ServiceName } from '@mash/contracts';
import { ProvisionOptions, databaseName, migrationRoleName } from './options';

/** A superuser connection to another database on the same server as pgAdminUrl. */
export function adminDatabaseUrl(pgAdminUrl: string, database: string): string {
  const url = new URL(pgAdminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export async function connectAdmin(pgAdminUrl: string, database?: string): Promise<Client> {
  const client = new Client({
    connectionString: database ? adminDatabaseUrl(pgAdminUrl, database) : pgAdminUrl,
  });
  await client.connect();
  return client;
}

/**
 * One database and two roles per service (DESIGN.md, Boundaries): `<prefix>_<service>_migrator` owns
 * the database and its schema and runs the migrations; `<prefix>_<service>`, as which the service runs,
 * may connect and read and write the tables, but owns nothing, so it can neither change the schema nor
 * drop an append-only table's trigger. CONNECT is revoked from PUBLIC, so no other role (bar
 * superusers) can even connect. Idempotent; with `reset` the databases are dropped first.
 */
export async function provisionDatabases(options: ProvisionOptions): Promise<void> {
  const admin = await connectAdmin(options.pgAdminUrl);
  try {
    for (const service of SERVICES) await provisionDatabase(admin, service, options);
  } finally {
    await admin.end().catch(() => undefined);
  }
  options.log(`postgres: ${SERVICES.length} roles and databases (${options.dbPrefix}_*)`);
}

async function provisionDatabase(admin: Client, service: ServiceName, options: ProvisionOptions) {
  const name = databaseName(service, options.dbPrefix);
  const ident = admin.escapeIdentifier(name);
  const password = admin.escapeLiteral(options.dbPasswords[service]);

  const migrator = migrationRoleName(service, options.dbPrefix);
  const owner = admin.escapeIdentifier(migrator);
  for (const [role, secret] of [
    [name, password],
    [migrator, admin.escapeLiteral(options.dbMigrationPasswords[service])],
  ] as const) {
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${secret}`;
    await admin.query(
      `${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${admin.escapeIdentifier(role)} WITH ${attributes}`,
    );
  }

  if (options.reset) {
    // WITH (FORCE) (PostgreSQL 13+) ends the sessions of a service still connected to it.
    await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
  }
  const database = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (database.rowCount) {
    await admin.query(`ALTER DATABASE ${ident} OWNER TO ${owner}`);
  } else {
    await admin.query(`CREATE DATABASE ${ident} OWNER ${owner} ENCODING 'UTF8' TEMPLATE template0`);
  }
  await admin.query(`REVOKE ALL ON DATABASE ${ident} FROM PUBLIC`);
  await admin.query(`REVOKE ALL ON DATABASE ${ident} FROM ${ident}`);
  await admin.query(`GRANT ALL ON DATABASE ${ident} TO ${owner}`);
  await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident} TO ${ident}`);

  // Inside it: only the migration role may create in the public schema; what the service role owned
  // before there was a migration role (an older hub) becomes the migration role's.
  const inside = await connectAdmin(options.pgAdminUrl, name);
  try {
    await inside.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await inside.query(`ALTER SCHEMA public OWNER TO ${owner}`);
    await inside.query(`REASSIGN OWNED BY ${ident} TO ${owner}`);
    await inside.query(`REVOKE CREATE ON SCHEMA public FROM ${ident}`);
    await inside.query(`GRANT USAGE ON SCHEMA public TO ${ident}`);
    await inside.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident}`,
    );
    await inside.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${ident}`,
    );
  } finally {
    await inside.end().catch(() => undefined);
  }
}

/**
 * After the migrations: the service role may read and write every table (never truncate), except the
 * append-only ones (those with an `*_append_only` trigger: audit, disclosure and history tables), which it
 * may only insert into and select from. Run on every provisioning, so a new append-only table is covered.
 */
export async function grantServiceRights(options: ProvisionOptions): Promise<void> {
  for (const service of SERVICES) {
    const name = databaseName(service, options.dbPrefix);
    const inside = await connectAdmin(options.pgAdminUrl, name);
    try {
      const ident = inside.escapeIdentifier(name);
      await inside.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${ident}`);
      await inside.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident}`);
      await inside.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${ident}`);
      for (const table of await appendOnlyTables(inside)) {
        await inside.query(
          `REVOKE UPDATE, DELETE, TRUNCATE ON ${inside.escapeIdentifier(table)} FROM ${ident}`,
        );
      }
    } finally {
      await inside.end().catch(() => undefined);
    }
  }
  options.log(`postgres: service roles may only insert into and select from append-only tables`);
}

/** The tables a migration made append-only, by their `<table>_append_only` trigger. */
export async function appendOnlyTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND t.tgname LIKE '%\\_append\\_only' ORDER BY 1`,
  );
  return rows.map((row) => row.table);
}
