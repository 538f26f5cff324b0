import * as amqp from 'amqplib';
import { Client } from 'pg';
import {
  AGENCIES,
  SERVICES,
  agencyService,
  brokerPermissions,
  deadLetterExchange,
  deadLetterQueueName,
  eventsExchange,
  retryExchange,
  retryQueueName,
  WireHeaders,
} from '@mash/contracts';
import { topologyPlan } from '@mash/contracts';
import { ManagementApi, provision } from '../src/provisioning';
import { listDeadLetters, replayDeadLetters } from '../src/dead-letters';
import {
  adminAmqpUrl,
  purgeQueues,
  TEST_DB_PREFIX,
  TEST_VHOST,
  testProvisionOptions,
  testServiceEnv,
} from '../../../test-support/env';

/**
 * DESIGN.md, Boundaries: no agency can reach another's queue or database; provisioning declares the
 * topology once and can be re-run without changing it.
 */
const checkQueue = (agency: (typeof AGENCIES)[number]) => `${agencyService(agency)}.check-requests`;
const pairs = AGENCIES.flatMap((own) =>
  AGENCIES.filter((other) => other !== own).map((other) => [own, other] as const),
);

/** Opens a channel as the agency's own broker user; resolves with the outcome of consuming `queue`. */
async function tryConsume(url: string, queue: string): Promise<'ok' | string> {
  const connection = await amqp.connect(url);
  connection.on('error', () => undefined);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    try {
      const { consumerTag } = await channel.consume(queue, () => undefined);
      await channel.cancel(consumerTag);
      return 'ok';
    } catch (error) {
      return String((error as Error).message);
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function tryConnect(url: string): Promise<'ok' | { code?: string; message: string }> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'ok';
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The same role and password as `service`, pointed at another database. */
function urlToDatabase(serviceUrl: string, database: string): string {
  const url = new URL(serviceUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function waitForMessage(channel: amqp.Channel, queue: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = await channel.get(queue, { noAck: true });
    if (message) return message;
    if (Date.now() > deadline) throw new Error(`nothing arrived on ${queue}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('provisioned isolation (real broker and databases)', () => {
  let connection: amqp.ChannelModel;
  let channel: amqp.ConfirmChannel;

  beforeAll(async () => {
    connection = await amqp.connect(adminAmqpUrl());
    channel = await connection.createConfirmChannel();
    await purgeQueues();
  });

  afterAll(async () => {
    await purgeQueues();
    await connection?.close().catch(() => undefined);
  });

  describe('broker', () => {
    it.each(AGENCIES)('%s-checks may consume its own check-requests queue', async (agency) => {
      expect(await tryConsume(testServiceEnv(agencyService(agency)).AMQP_URL, checkQueue(agency))).toBe('ok');
    });

    it.each(pairs)('%s-checks may not consume the %s-checks check-requests queue', async (own, other) => {
      const outcome = await tryConsume(testServiceEnv(agencyService(own)).AMQP_URL, checkQueue(other));
      expect(outcome).toContain('ACCESS_REFUSED');
    });

    it.each(pairs)('%s-checks may not read the %s-checks dead letters', async (own, other) => {
      const outcome = await tryConsume(
        testServiceEnv(agencyService(own)).AMQP_URL,
        deadLetterQueueName(checkQueue(other)),
      );
      expect(outcome).toContain('ACCESS_REFUSED');
    });

    it('a service may not declare topology or publish to another service’s exchange', async () => {
      const agent = await amqp.connect(testServiceEnv('police-checks').AMQP_URL);
      agent.on('error', () => undefined);
      try {
        const declaring = await agent.createChannel();
        declaring.on('error', () => undefined);
        await expect(declaring.assertQueue('police-checks.sneaky', { durable: true })).rejects.toThrow(
          /ACCESS_REFUSED/,
        );
        const publishing = await agent.createConfirmChannel();
        publishing.on('error', () => undefined);
        const closed = new Promise<string>((resolve) => publishing.on('close', () => resolve('closed')));
        publishing.publish(eventsExchange('triage'), 'check.requested.health', Buffer.from('{}'));
        await expect(closed).resolves.toBe('closed');
      } finally {
        await agent.close().catch(() => undefined);
      }
    });

    it('every broker user has exactly the permissions brokerPermissions() gives it', async () => {
      const api = new ManagementApi(testProvisionOptions().managementUrl);
      const { body } = await api.request<{ user: string; configure: string; write: string; read: string }[]>(
        'GET',
        `/vhosts/${encodeURIComponent(TEST_VHOST)}/permissions`,
      );
      for (const service of SERVICES) {
        const permission = body?.find((entry) => entry.user === service);
        expect({ service, ...permission }).toMatchObject({ service, ...brokerPermissions(service) });
      }
      const { body: users } = await api.request<{ name: string; tags: string | string[] }[]>('GET', '/users');
      for (const service of SERVICES) {
        const user = users?.find((entry) => entry.name === service);
        expect(user).toBeDefined();
        expect([...(Array.isArray(user?.tags) ? user.tags : [user?.tags].filter(Boolean))]).toEqual([]);
      }
    });
  });

  describe('databases', () => {
    it.each(AGENCIES)('the %s-checks role may connect to its own database', async (agency) => {
      expect(await tryConnect(testServiceEnv(agencyService(agency)).DATABASE_URL)).toBe('ok');
    });

    it.each(pairs)('the %s-checks role may not connect to the %s-checks database', async (own, other) => {
      const foreign = `${TEST_DB_PREFIX}_${other}_checks`;
      const outcome = await tryConnect(
        urlToDatabase(testServiceEnv(agencyService(own)).DATABASE_URL, foreign),
      );
      expect(outcome).toMatchObject({ code: '42501', message: expect.stringContaining('permission denied') });
    });

    it('no service role may connect to the decision database', async () => {
      for (const service of SERVICES.filter((s) => s !== 'decision')) {
        const url = urlToDatabase(testServiceEnv(service).DATABASE_URL, `${TEST_DB_PREFIX}_decision`);
        expect(await tryConnect(url)).toMatchObject({ code: '42501' });
      }
    });
  });

  describe('append-only tables', () => {
    /** What the service's own role gets when it tries `sql` in a transaction that is rolled back. */
    async function asService(service: 'decision' | 'police-checks', sql: string): Promise<'ok' | string> {
      const client = new Client({ connectionString: testServiceEnv(service).DATABASE_URL });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(sql);
        return 'ok';
      } catch (error) {
        return String((error as { code?: string }).code);
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end().catch(() => undefined);
      }
    }

    it.each([
      ['decision', 'audit_log'],
      ['decision', 'rag_changes'],
      ['decision', 'consent_decisions'],
      ['decision', 'record_deadlines'],
      ['police-checks', 'disclosures'],
    ] as const)(
      '%s cannot wipe %s: no truncate, update, delete, trigger change, drop or ownership',
      async (service, table) => {
        for (const sql of [
          `TRUNCATE ${table}`,
          `TRUNCATE ${table} CASCADE`,
          `DELETE FROM ${table}`,
          `UPDATE ${table} SET id = id`,
          `ALTER TABLE ${table} DISABLE TRIGGER ALL`,
          `DROP TRIGGER ${table}_append_only ON ${table}`,
          `DROP TABLE ${table} CASCADE`,
          `ALTER TABLE ${table} RENAME TO wiped`,
        ]) {
          expect([sql, await asService(service, sql)]).toEqual([sql, '42501']);
        }
        // It still reads them and appends to them.
        expect(await asService(service, `SELECT count(*) FROM ${table}`)).toBe('ok');
      },
    );

    it('the service role may insert into the audit log and read it, and change its own ordinary tables', async () => {
      expect(
        await asService(
          'decision',
          `INSERT INTO audit_log (actor_id, actor_roles, action, contact_id) VALUES ('probe', '{auditor}', 'probe', gen_random_uuid())`,
        ),
      ).toBe('ok');
      expect(await asService('decision', `UPDATE outbox SET headers = headers WHERE false`)).toBe('ok');
      expect(await asService('decision', `DELETE FROM inbox WHERE false`)).toBe('ok');
      expect(await asService('decision', `CREATE TABLE intruder (id int)`)).toBe('42501');
    });
  });

  describe('topology', () => {
    it('a message parked on a retry queue comes back to its queue after the delay', async () => {
      const queue = checkQueue('police');
      channel.publish(retryExchange('police-checks'), retryQueueName(queue, 1), Buffer.from('{}'), {
        messageId: 'retry-probe',
        persistent: true,
        headers: { [WireHeaders.Attempt]: 1 },
      });
      await channel.waitForConfirms();
      const started = Date.now();
      const message = await waitForMessage(channel, queue);
      expect(message.properties.messageId).toBe('retry-probe');
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    });

    it('dead letters can be listed without being removed, and replayed with their attempt count reset', async () => {
      const queue = checkQueue('health');
      channel.publish(deadLetterExchange('health-checks'), queue, Buffer.from('{"child":"secret"}'), {
        messageId: 'dead-probe',
        type: 'check.requested',
        correlationId: 'contact-1',
        persistent: true,
        headers: { [WireHeaders.Attempt]: 3, [WireHeaders.FailureReason]: 'gave up after 3 retries: boom' },
      });
      await channel.waitForConfirms();

      const listed = await listDeadLetters(connection, queue);
      expect(listed).toEqual({
        queue,
        deadLetterQueue: deadLetterQueueName(queue),
        count: 1,
        messages: [
          {
            messageId: 'dead-probe',
            type: 'check.requested',
            correlationId: 'contact-1',
            reason: 'gave up after 3 retries: boom',
          },
        ],
      });
      expect(JSON.stringify(listed)).not.toContain('secret');
      expect((await channel.checkQueue(deadLetterQueueName(queue))).messageCount).toBe(1);

      expect(await replayDeadLetters(connection, queue, 'guest')).toBe(1);
      expect((await channel.checkQueue(deadLetterQueueName(queue))).messageCount).toBe(0);
      const replayed = await waitForMessage(channel, queue);
      expect(replayed.properties.messageId).toBe('dead-probe');
      expect(replayed.properties.userId).toBe('guest');
      expect(replayed.properties.headers?.[WireHeaders.Attempt]).toBeUndefined();
      expect(replayed.content.toString()).toBe('{"child":"secret"}');
    });

    it('provisioning again (without reset) succeeds, keeps queued messages and leaves the topology intact', async () => {
      const queue = checkQueue('education');
      channel.publish(eventsExchange('triage'), 'check.requested.education', Buffer.from('{}'), {
        messageId: 'survivor',
        persistent: true,
      });
      await channel.waitForConfirms();

      await provision(testProvisionOptions({ reset: false, demoData: false, log: () => undefined }));

      const api = new ManagementApi(testProvisionOptions().managementUrl);
      const vhost = encodeURIComponent(TEST_VHOST);
      const { body: queues } = await api.request<{ name: string; arguments: Record<string, unknown> }[]>(
        'GET',
        `/queues/${vhost}`,
      );
      const { body: bindings } = await api.request<
        { source: string; destination: string; routing_key: string }[]
      >('GET', `/bindings/${vhost}`);
      const plan = topologyPlan();
      expect(
        queues
          ?.map((q) => q.name)
          .filter((name) => !name.startsWith('amq.gen-'))
          .sort(),
      ).toEqual(plan.queues.map((q) => q.name).sort());
      for (const declared of plan.queues) {
        expect(queues?.find((q) => q.name === declared.name)?.arguments).toEqual(declared.arguments);
        for (const binding of declared.bindings) {
          expect(bindings).toContainEqual(
            expect.objectContaining({
              source: binding.exchange,
              destination: declared.name,
              routing_key: binding.routingKey,
            }),
          );
        }
      }
      const survivor = await waitForMessage(channel, queue);
      expect(survivor.properties.messageId).toBe('survivor');

      // Still isolated after the second run.
      expect(await tryConsume(testServiceEnv('police-checks').AMQP_URL, queue)).toContain('ACCESS_REFUSED');
      const foreign = urlToDatabase(
        testServiceEnv('police-checks').DATABASE_URL,
        `${TEST_DB_PREFIX}_education_checks`,
      );
      expect(await tryConnect(foreign)).toMatchObject({ code: '42501' });
    });
  });
});
