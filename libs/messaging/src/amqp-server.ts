import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { SpanKind } from '@opentelemetry/api';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import {
  ConsumerQueue,
  deadLetterExchange,
  isMessageType,
  isSignedType,
  SignatureVerifier,
  retryExchange,
  retryQueueName,
  RETRY_DELAYS_MS,
  senderOf,
  senderRefusal,
  validateMessage,
  WireHeaders,
} from '@mash/contracts';
import { contextFromHeaders, messagesConsumed, withSpan } from '@mash/platform';
import { AmqpTlsOptions, ManagedAmqpConnection } from './amqp-connection';
import { AmqpContext } from './amqp-context';
import { failureReason, PermanentMessageError } from './errors';
import { connectionUser } from './sender-identity';

export interface AmqpServerOptions {
  amqpUrl: string;
  queue: ConsumerQueue;
  prefetch: number;
  dataSource: DataSource;
  retryDelaysMs?: readonly number[];
  /** For an amqps:// broker (AMQP_TLS_*). */
  tls?: AmqpTlsOptions;
  /** Checks the signature of signed message types (agency responses); absent if this queue takes none. */
  signatures?: SignatureVerifier;
  /** Called after each message is settled, so the outbox relay publishes without waiting to poll. */
  afterCommit?: () => void;
}

type Outcome = 'handled' | 'duplicate' | 'retried' | 'dead-lettered';

/**
 * A NestJS transport over amqplib. Handlers are plain @EventPattern(type) handlers; the wire stays
 * AMQP properties plus a JSON body. For each delivery: validate against the contract (invalid goes
 * straight to the dead-letter queue), then in one database transaction record the message id in the
 * inbox (a redelivery stops here) and run the handler; acknowledge only after the commit. A failing
 * handler's message is retried with back-off through the retry queues, then dead-lettered with its reason.
 */
export class AmqpServer extends Server implements CustomTransportStrategy {
  private readonly connection: ManagedAmqpConnection;
  private readonly inFlight = new Set<Promise<void>>();
  private consumerTag?: string;
  private readonly log: Logger;
  /** This consumer's broker user: it republishes retries and dead letters as itself. */
  private readonly userId: string;

  constructor(private readonly options: AmqpServerOptions) {
    super();
    this.log = new Logger(`consumer:${options.queue.name}`);
    this.userId = connectionUser(options.amqpUrl);
    this.connection = new ManagedAmqpConnection(
      options.amqpUrl,
      `${options.queue.owner}-consumer`,
      (channel) => this.consume(channel),
      options.tls,
    );
  }

  get isConnected(): boolean {
    return this.connection.isConnected;
  }

  async listen(callback: (...optionalParams: unknown[]) => void): Promise<void> {
    try {
      await this.connection.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const channel = this.connection.isConnected ? this.connection.current() : undefined;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await this.connection.close();
  }

  on(): never {
    throw new Error('AmqpServer does not expose events');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  private async consume(channel: ConfirmChannel): Promise<void> {
    await channel.prefetch(this.options.prefetch);
    const { consumerTag } = await channel.consume(
      this.options.queue.name,
      (message) => {
        if (!message) return; // the broker cancelled the consumer; the connection manager reconnects
        const work = this.handleDelivery(channel, message).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      },
      { noAck: false },
    );
    this.consumerTag = consumerTag;
  }

  private async handleDelivery(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const type = message.properties.type as unknown;
    const typeLabel = isMessageType(type) ? type : 'unknown';
    let outcome: Outcome;
    try {
      outcome = await withSpan(
        `${typeLabel} process`,
        {
          kind: SpanKind.CONSUMER,
          parent: contextFromHeaders(message.properties.headers),
          attributes: {
            'messaging.system': 'rabbitmq',
            'messaging.destination.name': this.options.queue.name,
            'messaging.message.id': String(message.properties.messageId ?? ''),
            'messaging.message.conversation_id': String(message.properties.correlationId ?? ''),
          },
        },
        () => this.process(channel, message, type),
      );
      this.options.afterCommit?.();
    } catch (error) {
      // Could not even retry or dead-letter (the broker went away): leave it unacknowledged so it is
      // redelivered; the inbox makes a second delivery harmless.
      this.log.warn(`could not settle message (${failureReason(error)}); it will be redelivered`);
      return;
    }
    messagesConsumed.inc({ type: typeLabel, result: outcome });
  }

  private async process(channel: ConfirmChannel, message: ConsumeMessage, type: unknown): Promise<Outcome> {
    const messageId = message.properties.messageId as unknown;
    if (typeof messageId !== 'string' || !messageId) {
      return this.deadLetter(channel, message, 'message has no message_id property');
    }
    if (!isMessageType(type) || !this.options.queue.accepts.includes(type)) {
      return this.deadLetter(channel, message, `message type not accepted on ${this.options.queue.name}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(message.content.toString('utf8'));
    } catch {
      return this.deadLetter(channel, message, 'body is not valid JSON');
    }
    const validation = validateMessage(type, body);
    if (!validation.ok) return this.deadLetter(channel, message, validation.reason);
    // The type alone proves nothing: whoever may write to an exchange bound here could claim any type.
    const refusal = senderRefusal(this.senderOf(message), type, body);
    if (refusal) return this.deadLetter(channel, message, refusal);
    if (isSignedType(type)) {
      const signature = this.options.signatures
        ? this.options.signatures.check(
            type,
            messageId,
            message.content,
            message.properties.headers,
            (body as { agency?: unknown }).agency,
          )
        : ({ ok: false, reason: `no keys to verify ${type}` } as const);
      if (!signature.ok) return this.deadLetter(channel, message, signature.reason);
    }

    const handler = this.getHandlerByPattern(type);
    if (!handler) return this.deadLetter(channel, message, `no handler for ${type}`);

    try {
      const duplicate = await this.options.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO inbox (queue, message_id, type, handled_at) VALUES ($1, $2, $3, now())
           ON CONFLICT DO NOTHING RETURNING message_id`,
          [this.options.queue.name, messageId, type],
        );
        if (!inserted.length) return true;
        const context = new AmqpContext([message, manager, this.options.queue.name]);
        await lastValueFrom(this.transformToObservable(await handler(validation.message, context)), {
          defaultValue: undefined,
        });
        return false;
      });
      channel.ack(message);
      return duplicate ? 'duplicate' : 'handled';
    } catch (error) {
      if (error instanceof PermanentMessageError)
        return this.deadLetter(channel, message, failureReason(error));
      return this.retryLater(channel, message, error);
    }
  }

  private async retryLater(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    error: unknown,
  ): Promise<Outcome> {
    const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    const attempt = Number(message.properties.headers?.[WireHeaders.Attempt] ?? 0) + 1;
    const reason = failureReason(error);
    if (attempt > delays.length)
      return this.deadLetter(channel, message, `gave up after ${delays.length} retries: ${reason}`);
    this.log.warn(
      `message ${String(message.properties.messageId)} failed (${reason}); retry ${attempt} of ${delays.length}`,
    );
    await this.republish(
      channel,
      retryExchange(this.options.queue.owner),
      retryQueueName(this.options.queue.name, attempt),
      message,
      {
        [WireHeaders.Attempt]: attempt,
        [WireHeaders.FailureReason]: reason,
      },
    );
    channel.ack(message);
    return 'retried';
  }

  private async deadLetter(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    reason: string,
  ): Promise<Outcome> {
    this.log.warn(`message ${String(message.properties.messageId ?? '(no id)')} dead-lettered: ${reason}`);
    await this.republish(
      channel,
      deadLetterExchange(this.options.queue.owner),
      this.options.queue.name,
      message,
      {
        [WireHeaders.FailureReason]: reason,
        [WireHeaders.FailedQueue]: this.options.queue.name,
        [WireHeaders.FailedAt]: new Date().toISOString(),
      },
    );
    channel.ack(message);
    return 'dead-lettered';
  }

  private senderOf(message: ConsumeMessage): string | undefined {
    return senderOf(message.properties.userId, message.properties.headers, this.options.queue.owner);
  }

  /**
   * Copies the message, body and properties untouched, with extra headers; waits for the broker's
   * confirm. Published as this consumer, with the original sender kept in x-mash-sender.
   */
  private async republish(
    channel: ConfirmChannel,
    exchange: string,
    routingKey: string,
    message: ConsumeMessage,
    headers: Record<string, string | number>,
  ): Promise<void> {
    const properties = message.properties;
    await new Promise<void>((resolve, reject) =>
      channel.publish(
        exchange,
        routingKey,
        message.content,
        {
          messageId: properties.messageId,
          type: properties.type,
          correlationId: properties.correlationId,
          timestamp: properties.timestamp,
          contentType: properties.contentType,
          userId: this.userId,
          persistent: true,
          headers: {
            ...(properties.headers ?? {}),
            [WireHeaders.Sender]: this.senderOf(message) ?? '',
            ...headers,
          },
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  }
}
