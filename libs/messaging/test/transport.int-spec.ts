import { randomUUID } from 'node:crypto';
import { Controller, INestApplication, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Client } from 'pg';
import { aContactReceived, aContactScreened } from '@mash/contracts/testing';
import {
  ContactReceived,
  deadLetterQueueName,
  eventsExchange,
  MessageTypes,
  WireHeaders,
} from '@mash/contracts';
import { loadConfig, PlatformModule, postgresOptions, ServiceConfig } from '@mash/platform';
import {
  AmqpContext,
  CreateMessagingTables1763800000000,
  MESSAGING_ENTITIES,
  MessagingModule,
  Outbox,
  PermanentMessageError,
  RetryableMessageError,
  RetryHeaders,
  startService,
} from '../src';
import { adminPg, testServiceEnv } from '../../../test-support/env';
import { TestBroker, eventually } from '../../../test-support/broker';

/**
 * The transport on its own, on the real broker and a real database: a test handler stands in for
 * triage on triage's queue and database, and does what the test tells it to.
 */
const behaviour: {
  failuresLeft: Record<string, number>;
  earlyLeft: Record<string, number>;
  permanent: Set<string>;
  bug: Set<string>;
  badOutgoing: Set<string>;
  attempts: Record<string, number[]>;
} = {
  failuresLeft: {},
  earlyLeft: {},
  permanent: new Set(),
  bug: new Set(),
  badOutgoing: new Set(),
  attempts: {},
};

@Controller()
class ScriptedHandler {
  constructor(private readonly outbox: Outbox) {}

  @EventPattern(MessageTypes.ContactReceived)
  async handle(@Payload() message: ContactReceived, @Ctx() ctx: AmqpContext) {
    (behaviour.attempts[message.contactId] ??= []).push(
      Number(ctx.message.properties.headers?.[WireHeaders.Attempt] ?? 0),
    );
    // An effect written before the failure: it must vanish with the rolled-back transaction.
    await this.outbox.enqueue(ctx.manager, {
      type: MessageTypes.ContactScreened,
      correlationId: message.contactId,
      body: behaviour.badOutgoing.has(message.contactId)
        ? { ...aContactScreened({ contactId: message.contactId }), route: 'nowhere' }
        : aContactScreened({ contactId: message.contactId }),
    });
    if (behaviour.permanent.has(message.contactId))
      throw new PermanentMessageError(`contact ${message.contactId} refused`, 'refused');
    if (behaviour.bug.has(message.contactId))
      throw new TypeError(`cannot read ${message.children[0]?.givenName}`);
    if ((behaviour.earlyLeft[message.contactId] ?? 0) > 0) {
      behaviour.earlyLeft[message.contactId]--;
      throw new RetryableMessageError(`contact ${message.contactId} arrived early`);
    }
    if ((behaviour.failuresLeft[message.contactId] ?? 0) > 0) {
      behaviour.failuresLeft[message.contactId]--;
      // As node-postgres raises it while PostgreSQL restarts.
      throw Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      });
    }
  }
}

describe('the AMQP transport (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  const queue = 'triage.contacts';

  beforeAll(async () => {
    db = await adminPg('triage');
    broker = await TestBroker.connect();
    await broker.purge(queue, deadLetterQueueName(queue));
    const config = loadConfig(ServiceConfig, testServiceEnv('triage'));
    @Module({
      imports: [
        PlatformModule.forRoot({ service: 'triage', config }),
        TypeOrmModule.forRoot(
          postgresOptions({
            url: config.DATABASE_URL,
            applicationName: 'transport-test',
            entities: MESSAGING_ENTITIES,
            migrations: [CreateMessagingTables1763800000000],
          }),
        ),
        MessagingModule.forRoot('triage', config),
      ],
      controllers: [ScriptedHandler],
    })
    class TransportTestModule {}
    app = await startService({
      service: 'triage',
      module: TransportTestModule,
      config,
      title: '',
      description: '',
      listen: false,
    });
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  const outboxRows = async (contactId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM outbox WHERE correlation_id = $1', [contactId])).rows[0]
      .n as number;
  const inboxRows = async (messageId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM inbox WHERE message_id = $1', [messageId])).rows[0]
      .n as number;

  it('retries a failed message after a back-off and applies its effects once, with nothing from the failed attempt', async () => {
    const contact = aContactReceived({ contactId: randomUUID() });
    behaviour.failuresLeft[contact.contactId] = 1;
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
    );
    await eventually(
      async () => ((await inboxRows(messageId)) === 1 ? true : undefined),
      10_000,
      'the retried message',
    );
    expect(behaviour.attempts[contact.contactId]).toEqual([0, 1]);
    expect(await outboxRows(contact.contactId)).toBe(1);
  });

  it('sends a permanently failing message to the dead-letter queue with its reason, without retrying', async () => {
    const contact = aContactReceived({ contactId: randomUUID() });
    behaviour.permanent.add(contact.contactId);
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
    );
    const [dead] = await eventually(async () => {
      const drained = await broker.drain(deadLetterQueueName(queue));
      return drained.length ? drained : undefined;
    });
    expect(dead.properties.messageId).toBe(messageId);
    expect(dead.properties.headers?.[WireHeaders.FailureReason]).toBe(
      `PermanentMessageError (refused): contact ${contact.contactId} refused`,
    );
    expect(dead.properties.headers?.[RetryHeaders.FailureCode]).toBe('refused');
    expect(dead.properties.headers?.[WireHeaders.FailedQueue]).toBe(queue);
    expect(behaviour.attempts[contact.contactId]).toEqual([0]);
    expect(await outboxRows(contact.contactId)).toBe(0);
    expect(await inboxRows(messageId)).toBe(0);
  });

  it('dead-letters a message of a type the queue does not accept', async () => {
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      'decision.recorded',
      { contactId: 'x' },
    );
    const [dead] = await eventually(async () => {
      const drained = await broker.drain(deadLetterQueueName(queue));
      return drained.length ? drained : undefined;
    });
    expect(dead.properties.messageId).toBe(messageId);
    expect(String(dead.properties.headers?.[WireHeaders.FailureReason])).toContain('not accepted');
  });

  it('handles a redelivered message id once', async () => {
    const contact = aContactReceived({ contactId: randomUUID() });
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
    );
    await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
      { messageId },
    );
    await eventually(async () => ((await inboxRows(messageId)) === 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(behaviour.attempts[contact.contactId]).toEqual([0]);
    expect(await outboxRows(contact.contactId)).toBe(1);
  });

  const deadLettered = (messageId: string) =>
    eventually(async () => {
      const drained = await broker.drain(deadLetterQueueName(queue));
      return drained.find((message) => message.properties.messageId === messageId);
    });

  it('lets a message that arrived early wait without using up its failure retries', async () => {
    const contact = aContactReceived({ contactId: randomUUID() });
    behaviour.earlyLeft[contact.contactId] = 2;
    // Already failed more often than there are back-off tiers: before, one more failure dead-lettered it.
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
      { headers: { [WireHeaders.Attempt]: 7, [RetryHeaders.FirstFailedAt]: Date.now() - 60_000 } },
    );
    await eventually(
      async () => ((await inboxRows(messageId)) === 1 ? true : undefined),
      15_000,
      'the message that waited',
    );
    expect(behaviour.attempts[contact.contactId]).toEqual([7, 7, 7]);
    expect(await outboxRows(contact.contactId)).toBe(1);
  });

  it('dead-letters a temporarily failing message only once its horizon has passed, with the cause', async () => {
    const contact = aContactReceived({ contactId: randomUUID() });
    behaviour.failuresLeft[contact.contactId] = 1;
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
      { headers: { [WireHeaders.Attempt]: 40, [RetryHeaders.FirstFailedAt]: Date.now() - 25 * 3_600_000 } },
    );
    const dead = await deadLettered(messageId);
    expect(String(dead.properties.headers?.[WireHeaders.FailureReason])).toMatch(
      /^gave up after 41 retries and 0 waits over 25\.\d\d h: temporary database-unavailable: Error \(57P01\)$/,
    );
    expect(dead.properties.headers?.[RetryHeaders.FailureCode]).toBe('database-unavailable');
  });

  it('dead-letters a bug at once as internal, naming the error but never its message', async () => {
    const contact = aContactReceived({ contactId: randomUUID() });
    behaviour.bug.add(contact.contactId);
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
    );
    const dead = await deadLettered(messageId);
    expect(dead.properties.headers?.[WireHeaders.FailureReason]).toBe('internal: TypeError');
    expect(dead.properties.headers?.[WireHeaders.Attempt]).toBeUndefined();
    expect(behaviour.attempts[contact.contactId]).toEqual([0]);
  });

  it('dead-letters at once, with the broken field, a message whose outgoing message breaks the contract', async () => {
    const contact = aContactReceived({ contactId: randomUUID() });
    behaviour.badOutgoing.add(contact.contactId);
    const messageId = await broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
    );
    const dead = await deadLettered(messageId);
    expect(String(dead.properties.headers?.[WireHeaders.FailureReason])).toMatch(
      /^invalid outgoing-message-invalid: outgoing invalid contact\.screened: route/,
    );
    expect(behaviour.attempts[contact.contactId]).toEqual([0]);
    expect(await outboxRows(contact.contactId)).toBe(0);
  });
});
