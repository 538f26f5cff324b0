import { TEST_VHOST } from './env';
import * as amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { createPrivateKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  AGENCIES,
  agencyService,
  Agency,
  CONTENT_TYPE,
  isSignedType,
  MESSAGE_DEFINITIONS,
  MessageType,
  SERVICES,
  ServiceName,
  SignatureHeaders,
  signingKeyId,
  signMessage,
  WireHeaders,
} from '@mash/contracts';
import { signingKeyFile } from '../tools/hub/src/provisioning/signing-keys';
import { testProvisionOptions, testServiceEnv } from './env';

/** The test hub's agency signing key (made by provisioning), so tests can answer as an agency node would. */
export function testAgencyKey(agency: Agency): KeyObject {
  return createPrivateKey(
    readFileSync(signingKeyFile(testProvisionOptions().keysDir, agencyService(agency))),
  );
}

/** The admin's view of the test vhost, for tests that play another service's part on the real broker. */
export function testAmqpAdminUrl(): string {
  return (
    process.env.TEST_AMQP_ADMIN_URL ?? `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(TEST_VHOST)}`
  );
}

export interface CapturedMessage<T = Record<string, unknown>> {
  body: T;
  /** The body exactly as published (what a signature covers). */
  content?: Buffer;
  properties: amqp.MessageProperties;
  routingKey: string;
  exchange: string;
}

export class TestBroker {
  /** Connections as the hub's services, opened when a test first publishes as one. */
  private readonly asService = new Map<
    ServiceName,
    Promise<{ connection: amqp.ChannelModel; channel: amqp.ConfirmChannel }>
  >();

  private constructor(
    private readonly connection: amqp.ChannelModel,
    readonly channel: amqp.ConfirmChannel,
  ) {}

  /** A confirm channel as the service's own broker user (its test password), with that user as user_id. */
  private serviceChannel(service: ServiceName): Promise<amqp.ConfirmChannel> {
    let opened = this.asService.get(service);
    if (!opened) {
      opened = (async () => {
        const connection = await amqp.connect(testServiceEnv(service).AMQP_URL);
        connection.on('error', () => undefined);
        return { connection, channel: await connection.createConfirmChannel() };
      })();
      this.asService.set(service, opened);
    }
    return opened.then(({ channel }) => channel);
  }

  static async connect(url = testAmqpAdminUrl()): Promise<TestBroker> {
    const connection = await amqp.connect(url);
    return new TestBroker(connection, await connection.createConfirmChannel());
  }

  /** Publishes a message exactly as a service's outbox would (or with overrides, to break it on purpose). */
  async publish(
    exchange: string,
    routingKey: string,
    type: MessageType | string,
    body: unknown,
    options: {
      messageId?: string;
      correlationId?: string;
      headers?: Record<string, string | number>;
      raw?: Buffer;
      /** Signed types are signed with the named agency's test key unless this says otherwise. */
      signWith?: KeyObject | 'unsigned';
      /**
       * Who publishes: by default the service that owns `<service>.events`, as its own broker user with
       * that user as user_id (as its outbox would); 'admin' publishes as the broker admin without user_id.
       */
      as?: ServiceName | 'admin';
    } = {},
  ): Promise<string> {
    const messageId = options.messageId ?? randomUUID();
    const definition = MESSAGE_DEFINITIONS[type as MessageType];
    const content = options.raw ?? Buffer.from(JSON.stringify(body));
    const agency = (body as { agency?: Agency })?.agency;
    let signature: Record<string, string> = {};
    if (isSignedType(type) && options.signWith !== 'unsigned') {
      const key =
        options.signWith ??
        (agency && (AGENCIES as readonly string[]).includes(agency) ? testAgencyKey(agency) : undefined);
      if (key) {
        signature = {
          [SignatureHeaders.Signature]: signMessage(key, type, messageId, content),
          [SignatureHeaders.KeyId]: signingKeyId(key),
        };
      }
    }
    const owner = /^(.+)\.events$/.exec(exchange)?.[1];
    const as =
      options.as ??
      (owner && (SERVICES as readonly string[]).includes(owner) ? (owner as ServiceName) : 'admin');
    const channel = as === 'admin' ? this.channel : await this.serviceChannel(as);
    channel.publish(exchange, routingKey, content, {
      messageId,
      type,
      correlationId: options.correlationId ?? (body as { contactId?: string })?.contactId,
      timestamp: Math.floor(Date.now() / 1000),
      contentType: CONTENT_TYPE,
      persistent: true,
      ...(as === 'admin' ? {} : { userId: as }),
      headers: {
        [WireHeaders.SchemaVersion]: definition?.schemaVersion ?? '1',
        ...signature,
        ...options.headers,
      },
    });
    await channel.waitForConfirms();
    return messageId;
  }

  /** Binds a temporary queue to an exchange and collects what arrives on it. */
  async capture<T = Record<string, unknown>>(exchange: string, routingKey: string): Promise<Capture<T>> {
    const { queue } = await this.channel.assertQueue('', { exclusive: true, autoDelete: true });
    await this.channel.bindQueue(queue, exchange, routingKey);
    const capture = new Capture<T>();
    await this.channel.consume(
      queue,
      (message) => {
        if (!message) return;
        capture.push({
          body: JSON.parse(message.content.toString()),
          content: message.content,
          properties: message.properties,
          routingKey: message.fields.routingKey,
          exchange: message.fields.exchange,
        });
      },
      { noAck: true },
    );
    return capture;
  }

  /** Reads (and removes) everything currently in a queue, e.g. a dead-letter queue. */
  async drain<T = Record<string, unknown>>(queue: string): Promise<CapturedMessage<T>[]> {
    const out: CapturedMessage<T>[] = [];
    for (;;) {
      const message = await this.channel.get(queue, { noAck: true });
      if (!message) return out;
      let body: T;
      try {
        body = JSON.parse(message.content.toString());
      } catch {
        body = message.content.toString() as unknown as T;
      }
      out.push({
        body,
        properties: message.properties,
        routingKey: message.fields.routingKey,
        exchange: message.fields.exchange,
      });
    }
  }

  async purge(...queues: string[]): Promise<void> {
    for (const queue of queues) await this.channel.purgeQueue(queue);
  }

  async close(): Promise<void> {
    for (const opened of this.asService.values()) {
      await opened.then(({ connection }) => connection.close()).catch(() => undefined);
    }
    await this.connection.close().catch(() => undefined);
  }
}

export class Capture<T> {
  readonly messages: CapturedMessage<T>[] = [];
  private waiters: Array<() => void> = [];

  push(message: CapturedMessage<T>) {
    this.messages.push(message);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits until `count` messages (optionally matching) have arrived, or fails after `timeoutMs`. */
  async waitFor(
    count: number,
    match: (message: CapturedMessage<T>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<CapturedMessage<T>[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.messages.filter(match);
      if (matching.length >= count) return matching;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} messages, got ${matching.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
