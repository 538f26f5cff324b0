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
  permanent: Set<string>;
  attempts: Record<string, number[]>;
} = {
  failuresLeft: {},
  permanent: new Set(),
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
      body: aContactScreened({ contactId: message.contactId }),
    });
    if (behaviour.permanent.has(message.contactId))
      throw new PermanentMessageError(`contact ${message.contactId} refused`);
    if ((behaviour.failuresLeft[message.contactId] ?? 0) > 0) {
      behaviour.failuresLeft[message.contactId]--;
      throw new Error('transient failure');
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
      `PermanentMessageError: contact ${contact.contactId} refused`,
    );
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
});
