import * as amqp from 'amqplib';
import { Client } from 'pg';
import { ServiceName } from '@mash/contracts';
import {
  ProvisionOptions,
  ServiceEnv,
  adminAmqpUrlFor,
  connectAdmin,
  databaseName,
  resolveProvisionOptions,
  serviceEnv,
} from '../tools/hub/src/provisioning';
import { topologyPlan } from '@mash/contracts';

/**
 * Where the integration and end-to-end tests run: their own vhost and databases, recreated by
 * global-setup.ts at the start of every run, and their own ports, so a hub started with `npm start`
 * (vhost `mash`, databases `mash_*`, ports 3001..3007) is left alone.
 */
/**
 * MASH_TEST_NAMESPACE (optional) gives a checkout a test hub of its own (`mash-test-<ns>`,
 * `mash_test_<ns>_*`), and MASH_TEST_PORT_BASE its own ports, so two worktrees on one machine can run
 * their integration tests at the same time; without them every run uses `mash-test` and 4001..4007.
 */
const NAMESPACE = process.env.MASH_TEST_NAMESPACE?.replace(/[^a-z0-9]/gi, '').toLowerCase() || undefined;
export const TEST_VHOST = NAMESPACE ? `mash-test-${NAMESPACE}` : 'mash-test';
export const TEST_DB_PREFIX = NAMESPACE ? `mash_test_${NAMESPACE}` : 'mash_test';
/** Ports for the test hub's services are PORT_BASE+1..+7; tests that need more ports take them from +50 on. */
export const TEST_PORT_BASE = Number(process.env.MASH_TEST_PORT_BASE ?? 4000);
export const TEST_SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  intake: TEST_PORT_BASE + 1,
  triage: TEST_PORT_BASE + 2,
  'police-checks': TEST_PORT_BASE + 3,
  'health-checks': TEST_PORT_BASE + 4,
  'education-checks': TEST_PORT_BASE + 5,
  decision: TEST_PORT_BASE + 6,
  notifications: TEST_PORT_BASE + 7,
};

/** Provisioning options of the test hub (passwords and URLs from the environment, as provisioning reads them). */
export function testProvisionOptions(overrides: Partial<ProvisionOptions> = {}): ProvisionOptions {
  return resolveProvisionOptions({ vhost: TEST_VHOST, dbPrefix: TEST_DB_PREFIX, ...overrides });
}

/** The environment a service needs to run against the test vhost and databases, on its test port. */
export function testServiceEnv(service: ServiceName): ServiceEnv {
  const env = serviceEnv(service, {
    vhost: TEST_VHOST,
    dbPrefix: TEST_DB_PREFIX,
    ports: TEST_SERVICE_PORTS,
    outboxDir: 'var/test-outbox',
  });
  // Services under test log warnings and errors only, unless TEST_LOG_LEVEL asks for more.
  // Tests submit many contacts from one address; the rate limit has its own test.
  const limits: Record<string, string> =
    service === 'intake' ? { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' } : {};
  return { ...env, ...limits, NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn' };
}

/** The broker admin on the test vhost. */
export function adminAmqpUrl(): string {
  return adminAmqpUrlFor(testProvisionOptions().amqpAdminUrl, TEST_VHOST);
}

/** A superuser connection to a service's test database (the caller ends it). */
export function adminPg(service: ServiceName): Promise<Client> {
  return connectAdmin(testProvisionOptions().pgAdminUrl, databaseName(service, TEST_DB_PREFIX));
}

/** Empties every queue of the test vhost: consumer, retry and dead-letter queues. */
export async function purgeQueues(): Promise<void> {
  const connection = await amqp.connect(adminAmqpUrl());
  try {
    const channel = await connection.createChannel();
    for (const queue of topologyPlan().queues) await channel.purgeQueue(queue.name);
    await channel.close();
  } finally {
    await connection.close().catch(() => undefined);
  }
}
