import { resolve } from 'node:path';
import { DEFAULT_VHOST, isSignedType, PUBLICATIONS, queueOf, SERVICES, ServiceName } from '@mash/contracts';
import { signingKeyFile, trustedKeysFile } from './signing-keys';

/** The port each service listens on in a local run (API.md). */
export const SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  intake: 3001,
  triage: 3002,
  'police-checks': 3003,
  'health-checks': 3004,
  'education-checks': 3005,
  decision: 3006,
  notifications: 3007,
};

export const DEFAULT_AUTH_DEV_SECRET = 'mash-hub-development-secret-change-me';

export interface ProvisionOptions {
  /** The hub's RabbitMQ virtual host (MASH_VHOST). */
  vhost: string;
  /** Prefix of every database and database role (MASH_DB_PREFIX): `<prefix>_<service>`. */
  dbPrefix: string;
  /** RabbitMQ management HTTP API, with the admin's credentials (RABBITMQ_MANAGEMENT_URL). */
  managementUrl: string;
  /** AMQP URL of the broker, as the admin, without a vhost (RABBITMQ_ADMIN_URL); topology is declared through it. */
  amqpAdminUrl: string;
  /** Host and port the services use to reach the broker (AMQP_HOST, AMQP_PORT; default: those of amqpAdminUrl). */
  amqpHost: string;
  amqpPort: number;
  /** A PostgreSQL superuser connection (PG_ADMIN_URL). */
  pgAdminUrl: string;
  /** Host and port the services use to reach PostgreSQL (PG_HOST, PG_PORT; default: those of pgAdminUrl). */
  pgHost: string;
  pgPort: number;
  /** Drop and recreate the databases and the vhost (tests). Never the default. */
  reset: boolean;
  /** Load deploy/demo-data into triage and the agency nodes. */
  demoData: boolean;
  /** Run each service's migrations (and seeds) with `node services/<s>/dist/cli.js`. */
  migrate: boolean;
  /** Each service's broker password (BROKER_PASSWORD_<SERVICE>). */
  brokerPasswords: Record<ServiceName, string>;
  /** Each service's database role password (DB_PASSWORD_<SERVICE>). */
  dbPasswords: Record<ServiceName, string>;
  /** The development token issuer's secret the services accept (AUTH_DEV_SECRET). */
  authDevSecret: string;
  /** The monorepo root (services/<s>/dist, deploy/demo-data). */
  rootDir: string;
  /** Development signing keys of the agency nodes and the hub's trusted-key list (MASH_KEYS_DIR). */
  keysDir: string;
  /** Progress lines; they carry names of things provisioned, never personal data. */
  log: (line: string) => void;
}

/** `police-checks` -> `POLICE_CHECKS`, for environment variable names. */
export function upperSnake(service: ServiceName): string {
  return service.replace(/-/g, '_').toUpperCase();
}

/** The database role, and the database it owns, of a service: `<prefix>_<service with _>`. */
export function databaseName(service: ServiceName, dbPrefix: string): string {
  return `${dbPrefix}_${service.replace(/-/g, '_')}`;
}

/** The broker user of a service is named exactly as the service. */
export function brokerUser(service: ServiceName): string {
  return service;
}

function urlPort(url: URL, fallback: number): number {
  return url.port ? Number(url.port) : fallback;
}

/** Fills every option not given from the environment, then from the development defaults. */
export function resolveProvisionOptions(
  overrides: Partial<ProvisionOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ProvisionOptions {
  const dbPrefix = overrides.dbPrefix ?? env.MASH_DB_PREFIX ?? 'mash';
  const amqpAdminUrl =
    overrides.amqpAdminUrl ?? env.RABBITMQ_ADMIN_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const pgAdminUrl =
    overrides.pgAdminUrl ?? env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const amqp = new URL(amqpAdminUrl);
  const pg = new URL(pgAdminUrl);
  const brokerPasswords = {} as Record<ServiceName, string>;
  const dbPasswords = {} as Record<ServiceName, string>;
  for (const service of SERVICES) {
    brokerPasswords[service] =
      overrides.brokerPasswords?.[service] ??
      env[`BROKER_PASSWORD_${upperSnake(service)}`] ??
      `${service}-dev-password`;
    dbPasswords[service] =
      overrides.dbPasswords?.[service] ??
      env[`DB_PASSWORD_${upperSnake(service)}`] ??
      `${databaseName(service, dbPrefix)}-dev-password`;
  }
  const rootDir = overrides.rootDir ?? resolve(__dirname, '..', '..', '..', '..');
  const vhost = overrides.vhost ?? env.MASH_VHOST ?? DEFAULT_VHOST;
  return {
    vhost,
    dbPrefix,
    managementUrl:
      overrides.managementUrl ?? env.RABBITMQ_MANAGEMENT_URL ?? 'http://guest:guest@127.0.0.1:15672',
    amqpAdminUrl,
    amqpHost: overrides.amqpHost ?? env.AMQP_HOST ?? amqp.hostname,
    amqpPort: overrides.amqpPort ?? (env.AMQP_PORT ? Number(env.AMQP_PORT) : urlPort(amqp, 5672)),
    pgAdminUrl,
    pgHost: overrides.pgHost ?? env.PG_HOST ?? pg.hostname,
    pgPort: overrides.pgPort ?? (env.PG_PORT ? Number(env.PG_PORT) : urlPort(pg, 5432)),
    reset: overrides.reset ?? false,
    demoData: overrides.demoData ?? false,
    migrate: overrides.migrate ?? true,
    brokerPasswords,
    dbPasswords,
    authDevSecret: overrides.authDevSecret ?? env.AUTH_DEV_SECRET ?? DEFAULT_AUTH_DEV_SECRET,
    rootDir,
    keysDir: overrides.keysDir ?? env.MASH_KEYS_DIR ?? resolve(rootDir, 'var', 'keys', vhost),
    log: overrides.log ?? ((line) => process.stdout.write(`${line}\n`)),
  };
}

/** The environment one service needs: its port, its own database and broker user, the hub's vhost. */
export interface ServiceEnv {
  PORT: string;
  DATABASE_URL: string;
  AMQP_URL: string;
  SERVICE_NAME: string;
  AUTH_DEV_SECRET: string;
  [variable: string]: string;
}

export interface ServiceEnvOptions extends Partial<ProvisionOptions> {
  /** Ports to use instead of SERVICE_PORTS (tests use 4001..4007). */
  ports?: Partial<Record<ServiceName, number>>;
  /** Where notifications writes letters and emails when no SMTP server is configured. */
  outboxDir?: string;
}

export function serviceEnv(
  service: ServiceName,
  options: ServiceEnvOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceEnv {
  const resolved = resolveProvisionOptions(options, env);
  const database = databaseName(service, resolved.dbPrefix);
  const user = brokerUser(service);
  const e = encodeURIComponent;
  const vars: ServiceEnv = {
    PORT: String(options.ports?.[service] ?? SERVICE_PORTS[service]),
    DATABASE_URL: `postgres://${e(database)}:${e(resolved.dbPasswords[service])}@${resolved.pgHost}:${resolved.pgPort}/${e(database)}`,
    AMQP_URL: `amqp://${e(user)}:${e(resolved.brokerPasswords[service])}@${resolved.amqpHost}:${resolved.amqpPort}/${e(resolved.vhost)}`,
    SERVICE_NAME: service,
    AUTH_DEV_SECRET: resolved.authDevSecret,
  };
  if (service === 'notifications') {
    vars.NOTIFICATIONS_OUTBOX_DIR = options.outboxDir ?? env.NOTIFICATIONS_OUTBOX_DIR ?? 'var/outbox';
    if (env.SMTP_URL) vars.SMTP_URL = env.SMTP_URL;
  }
  // triage screens, decision recomputes deadlines and intake's portal shows the hub, with the same profile.
  if ((service === 'intake' || service === 'triage' || service === 'decision') && env.MASH_PROFILE)
    vars.MASH_PROFILE = env.MASH_PROFILE;
  if (PUBLICATIONS[service].some(isSignedType))
    vars.MESSAGE_SIGNING_KEY_FILE = signingKeyFile(resolved.keysDir, service);
  if (queueOf(service)?.accepts.some(isSignedType))
    vars.TRUSTED_SIGNING_KEYS_FILE = trustedKeysFile(resolved.keysDir);
  return vars;
}
