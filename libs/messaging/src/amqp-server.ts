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
  validateMessage,
  WireHeaders,
} from '@mash/contracts';
import {
  contextFromHeaders,
  deadLetters,
  handlerDuration,
  messageRetries,
  messagesConsumed,
  redeliveries,
  withSpan,
} from '@mash/platform';
import { AmqpTlsOptions, ManagedAmqpConnection } from './amqp-connection';
import { AmqpContext } from './amqp-context';
import { FailureAction, failureAction, failureReason } from './errors';

export interface AmqpServerOptions {
  amqpUrl: string;
  queue: ConsumerQueue;
  prefetch: number;
  dataSource: DataSource;
  /** The back-off tiers (the retry queues' TTLs); the last is the cap. */
  retryDelaysMs?: readonly number[];
  /**
   * How long a temporary failure, or a message waiting for what it refers to, is retried before it is
   * dead-lettered, measured from its first failure (RETRY_HORIZON_HOURS; default 24 h).
   */
  retryHorizonMs?: number;
  /** For an amqps:// broker (AMQP_TLS_*). */
  tls?: AmqpTlsOptions;
  /** Checks the signature of signed message types (agency responses); absent if this queue takes none. */
  signatures?: SignatureVerifier;
  /** Called after each message is settled, so the outbox relay publishes without waiting to poll. */
  afterCommit?: () => void;
}

type Outcome = 'handled' | 'duplicate' | 'retried' | 'waiting' | 'dead-lettered';

export const DEFAULT_RETRY_HORIZON_MS = 24 * 3_600_000;

/** Headers the transport keeps on a message between retries (besides WireHeaders.Attempt). */
export const RetryHeaders = {
  /** How many times the message has waited for what it refers to (not counted as failures). */
  Waits: 'x-mash-waits',
  /** When the message first failed or waited (ms since the epoch): the horizon counts from here. */
  FirstFailedAt: 'x-mash-first-failed-at',
  /** The code of the last failure (`database-unavailable`, `arrived-early`, ...). */
  FailureCode: 'x-mash-failure-code',
} as const;

/**
 * The delay before retry `attempt` (1-based): the tier for that attempt, the last tier from then on
 * (the cap), with "equal jitter" (half fixed, half random) so that messages failed together by an
 * outage do not all come back in the same instant. The retry queue's own TTL is the tier itself, so a
 * message never waits longer than its tier, however the queue orders its expiries.
 */
export function retryDelay(
  attempt: number,
  delays: readonly number[],
  random: () => number = Math.random,
): { tier: number; delayMs: number } {
  const tier = Math.min(Math.max(1, attempt), delays.length);
  const cap = delays[tier - 1];
  return { tier, delayMs: Math.round(cap / 2 + (random() * cap) / 2) };
}

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
  private readonly handledTimer: (labels: { type: string }) => (labels?: { outcome: string }) => void;

  constructor(private readonly options: AmqpServerOptions) {
    super();
    this.log = new Logger(`consumer:${options.queue.name}`);
    this.handledTimer = (labels) => handlerDuration.startTimer({ queue: options.queue.name, ...labels });
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
    if (message.fields.redelivered) redeliveries.inc({ queue: this.options.queue.name });
    const done = this.handledTimer({ type: typeLabel });
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
    done({ outcome });
    messagesConsumed.inc({ type: typeLabel, result: outcome });
  }

  private async process(channel: ConfirmChannel, message: ConsumeMessage, type: unknown): Promise<Outcome> {
    const messageId = message.properties.messageId as unknown;
    if (typeof messageId !== 'string' || !messageId) {
      return this.deadLetter(channel, message, 'message has no message_id property', 'no-message-id');
    }
    if (!isMessageType(type) || !this.options.queue.accepts.includes(type)) {
      return this.deadLetter(
        channel,
        message,
        `message type not accepted on ${this.options.queue.name}`,
        'type-not-accepted',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(message.content.toString('utf8'));
    } catch {
      return this.deadLetter(channel, message, 'body is not valid JSON', 'unreadable-body');
    }
    const validation = validateMessage(type, body);
    if (!validation.ok) return this.deadLetter(channel, message, validation.reason, 'invalid-message');
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
      if (!signature.ok) return this.deadLetter(channel, message, signature.reason, 'bad-signature');
    }

    const handler = this.getHandlerByPattern(type);
    if (!handler) return this.deadLetter(channel, message, `no handler for ${type}`, 'no-handler');

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
      const action = failureAction(error);
      if (action.action === 'dead-letter')
        return this.deadLetter(channel, message, action.reason, action.code);
      return this.retryLater(channel, message, action);
    }
  }

  /**
   * Parks the message in a retry queue: a temporary failure counts in WireHeaders.Attempt, a message
   * waiting for what it refers to in RetryHeaders.Waits, so waiting never uses up the failure retries.
   * Either is retried until the horizon, counted from its first failure, has passed.
   */
  private async retryLater(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    action: Extract<FailureAction, { action: 'retry' }>,
  ): Promise<Outcome> {
    const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    const horizonMs = this.options.retryHorizonMs ?? DEFAULT_RETRY_HORIZON_MS;
    const headers = message.properties.headers ?? {};
    const attempts = Number(headers[WireHeaders.Attempt] ?? 0) + (action.budget === 'failure' ? 1 : 0);
    const waits = Number(headers[RetryHeaders.Waits] ?? 0) + (action.budget === 'waiting' ? 1 : 0);
    const now = Date.now();
    const firstFailedAt = Number(headers[RetryHeaders.FirstFailedAt] ?? now) || now;
    const queue = this.options.queue.name;
    if (now - firstFailedAt > horizonMs) {
      const hours = (now - firstFailedAt) / 3_600_000;
      return this.deadLetter(
        channel,
        message,
        `gave up after ${attempts} retries and ${waits} waits over ${hours.toFixed(2)} h: ${action.reason}`,
        action.code,
      );
    }
    const { tier, delayMs } = retryDelay(action.budget === 'failure' ? attempts : waits, delays);
    if (action.budget === 'failure' && (attempts === 1 || isPowerOfTwo(attempts))) {
      this.log.warn(
        `message ${String(message.properties.messageId)} failed (${action.reason}); retry ${attempts}`,
      );
    }
    await this.republish(
      channel,
      retryExchange(this.options.queue.owner),
      retryQueueName(queue, tier),
      message,
      {
        [WireHeaders.Attempt]: attempts,
        [RetryHeaders.Waits]: waits,
        [RetryHeaders.FirstFailedAt]: firstFailedAt,
        [RetryHeaders.FailureCode]: action.code,
        [WireHeaders.FailureReason]: action.reason,
      },
      String(delayMs),
    );
    channel.ack(message);
    messageRetries.inc({ queue, code: action.code });
    return action.budget === 'failure' ? 'retried' : 'waiting';
  }

  private async deadLetter(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    reason: string,
    code: string,
  ): Promise<Outcome> {
    this.log.warn(`message ${String(message.properties.messageId ?? '(no id)')} dead-lettered: ${reason}`);
    await this.republish(
      channel,
      deadLetterExchange(this.options.queue.owner),
      this.options.queue.name,
      message,
      {
        [WireHeaders.FailureReason]: reason,
        [RetryHeaders.FailureCode]: code,
        [WireHeaders.FailedQueue]: this.options.queue.name,
        [WireHeaders.FailedAt]: new Date().toISOString(),
      },
    );
    channel.ack(message);
    deadLetters.inc({ queue: this.options.queue.name, code });
    return 'dead-lettered';
  }

  /** Copies the message, body and properties untouched, with extra headers; waits for the broker's confirm. */
  private async republish(
    channel: ConfirmChannel,
    exchange: string,
    routingKey: string,
    message: ConsumeMessage,
    headers: Record<string, string | number>,
    expiration?: string,
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
          persistent: true,
          ...(expiration ? { expiration } : {}),
          headers: { ...(properties.headers ?? {}), ...headers },
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  }
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
