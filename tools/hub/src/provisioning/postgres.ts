import { Client } from 'pg';
import { SERVICES, ServiceName } from '@mash/contracts';
import { ProvisionOptions, databaseName } from './options';

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
 * One role and one database per service (DESIGN.md, Boundaries): the role `<prefix>_<service>` can log
 * in, owns its database and has no other right; CONNECT is revoked from PUBLIC, so no other role
 * (bar superusers) can even connect to it. Idempotent; with `reset` the databases are dropped first.
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

  const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`;
  await admin.query(`${role.rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident} WITH ${attributes}`);

  if (options.reset) {
    // WITH (FORCE) (PostgreSQL 13+) ends the sessions of a service still connected to it.
    await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
  }
  const database = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (database.rowCount) {
    await admin.query(`ALTER DATABASE ${ident} OWNER TO ${ident}`);
  } else {
    await admin.query(`CREATE DATABASE ${ident} OWNER ${ident} ENCODING 'UTF8' TEMPLATE template0`);
  }
  await admin.query(`REVOKE ALL ON DATABASE ${ident} FROM PUBLIC`);
  await admin.query(`GRANT ALL ON DATABASE ${ident} TO ${ident}`);

  // Inside it: only the owner may create in the public schema (the default from PostgreSQL 15 on).
  const inside = await connectAdmin(options.pgAdminUrl, name);
  try {
    await inside.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await inside.query(`ALTER SCHEMA public OWNER TO ${ident}`);
  } finally {
    await inside.end().catch(() => undefined);
  }
}
