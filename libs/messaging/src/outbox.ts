import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  CONTENT_TYPE,
  eventsExchange,
  MESSAGE_DEFINITIONS,
  MessageType,
  PUBLICATIONS,
  ServiceName,
  validateMessage,
  WireHeaders,
} from '@mash/contracts';
import {
  currentTraceHeaders,
  DomainError,
  HealthRegistry,
  messagesPublished,
  onMetricsScrape,
  outboxBacklog,
  outboxOldestAge,
} from '@mash/platform';
import { ManagedAmqpConnection } from './amqp-connection';
import { OutboxMessage } from './messaging.entities';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

export interface OutgoingMessage<T extends object = object> {
  type: MessageType;
  body: T;
  /** The contact the message is about. */
  correlationId: string;
  /** Defaults to the message type (check.requested passes the agency's key). */
  routingKey?: string;
}

/** Publishes committed outbox rows in order, marking each published once the broker has confirmed it. */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('outbox');
  private readonly connection: ManagedAmqpConnection;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    health: HealthRegistry,
  ) {
    this.connection = new ManagedAmqpConnection(
      options.amqpUrl,
      `${options.service}-publisher`,
      undefined,
      options.tls,
    );
    health.register({ name: 'broker-publisher', isHealthy: () => this.connection.isConnected });
    onMetricsScrape(() => this.measureBacklog());
  }

  /** Outbox backlog and the age of its oldest row, for the /metrics gauges. */
  async measureBacklog(): Promise<void> {
    const [row]: { backlog: string; oldest: number | null }[] = await this.dataSource.query(
      `SELECT count(*) AS backlog, extract(epoch FROM now() - min(created_at))::float8 AS oldest
         FROM outbox WHERE published_at IS NULL`,
    );
    outboxBacklog.set(Number(row.backlog));
    outboxOldestAge.set(row.oldest ?? 0);
  }

  async onApplicationBootstrap() {
    if (!this.options.publish) return;
    this.stopped = false;
    await this.connection.start();
    this.schedule(0);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.connection.close();
  }

  /** Called after a commit that wrote to the outbox, so publishing does not wait for the next poll. */
  nudgeSoon() {
    if (this.stopped) return;
    setImmediate(() => this.schedule(0));
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick() {
    if (this.running) return; // the running pass reschedules itself
    this.running = this.publishPending()
      .then((published) => (published > 0 ? 0 : this.options.outboxPollMs))
      .catch((error) => {
        this.logger.warn(`publishing failed (${error instanceof Error ? error.name : 'error'}); will retry`);
        return Math.max(this.options.outboxPollMs, 1_000);
      })
      .then((delay) => {
        this.running = undefined;
        this.schedule(delay);
      });
  }

  /** One batch: lock unpublished rows (SKIP LOCKED lets several instances share the work), publish, confirm, mark. */
  async publishPending(batchSize = 100): Promise<number> {
    if (!this.connection.isConnected) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxMessage[] = await manager
        .getRepository(OutboxMessage)
        .createQueryBuilder('o')
        .where('o.published_at IS NULL')
        .orderBy('o.sequence', 'ASC')
        .limit(batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!rows.length) return 0;
      const channel = this.connection.current();
      for (const row of rows) {
        const content = Buffer.from(JSON.stringify(row.body));
        const signature = this.options.signer?.headersFor(row.type, row.messageId, content) ?? {};
        channel.publish(row.exchange, row.routingKey, content, {
          messageId: row.messageId,
          type: row.type,
          correlationId: row.correlationId,
          timestamp: Math.floor(row.createdAt.getTime() / 1000),
          contentType: CONTENT_TYPE,
          deliveryMode: 2,
          persistent: true,
          mandatory: false,
          headers: { ...row.headers, ...signature },
        });
      }
      await channel.waitForConfirms();
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ publishedAt: () => 'now()' })
        .whereInIds(rows.map((row) => row.sequence))
        .execute();
      for (const row of rows) messagesPublished.inc({ type: row.type });
      return rows.length;
    });
  }
}

/**
 * Records a message to publish, in the caller's transaction. Nothing reaches the broker unless the
 * transaction commits, and everything that commits reaches it (the relay publishes with confirms).
 */
@Injectable()
export class Outbox {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly relay: OutboxRelay,
  ) {}

  async enqueue(manager: EntityManager, message: OutgoingMessage): Promise<string> {
    const service = this.options.service;
    if (!PUBLICATIONS[service].includes(message.type)) {
      throw new DomainError('not-a-publication', `${service} does not publish ${message.type}`);
    }
    // A message is checked against the contract before it leaves, so a publisher's bug fails its own
    // transaction instead of poisoning a consumer's queue.
    const validation = validateMessage(message.type, message.body);
    if (!validation.ok) throw new DomainError('outgoing-message-invalid', `outgoing ${validation.reason}`);
    const messageId = randomUUID();
    await manager.insert(OutboxMessage, {
      messageId,
      exchange: eventsExchange(service),
      routingKey: message.routingKey ?? message.type,
      type: message.type,
      correlationId: message.correlationId,
      headers: {
        [WireHeaders.SchemaVersion]: MESSAGE_DEFINITIONS[message.type].schemaVersion,
        ...currentTraceHeaders(),
      },
      body: message.body,
      publishedAt: null,
    });
    this.relay.nudgeSoon();
    return messageId;
  }
}

export type { ServiceName };
