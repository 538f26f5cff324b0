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
export const TEST_VHOST = 'mash-test';
export const TEST_DB_PREFIX = 'mash_test';
export const TEST_SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  intake: 4001,
  triage: 4002,
  'police-checks': 4003,
  'health-checks': 4004,
  'education-checks': 4005,
  decision: 4006,
  notifications: 4007,
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
