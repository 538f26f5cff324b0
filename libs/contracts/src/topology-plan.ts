import {
  Binding,
  CONSUMER_QUEUES,
  QUORUM_DELIVERY_LIMIT,
  RETRY_DELAYS_MS,
  SERVICES,
  ServiceName,
  deadLetterExchange,
  deadLetterQueueName,
  eventsExchange,
  retryExchange,
  retryQueueName,
} from './topology';

export interface ExchangeDeclaration {
  name: string;
  type: 'topic' | 'direct';
  owner: ServiceName;
}

export interface QueueDeclaration {
  name: string;
  owner: ServiceName;
  kind: 'consumer' | 'retry' | 'dead-letter';
  /** For retry and dead-letter queues: the consumer queue they belong to. */
  consumerQueue: string;
  arguments: Record<string, string | number>;
  bindings: Binding[];
}

export interface TopologyPlan {
  exchanges: ExchangeDeclaration[];
  queues: QueueDeclaration[];
}

/**
 * Dead-lettering out of a quorum queue is at-most-once by default: a broker failure at the wrong moment
 * could lose the message. `at-least-once` (RabbitMQ 3.10+) keeps it in the source queue until the target
 * has confirmed it; it requires `x-overflow: reject-publish` (no length limit is set, so nothing is
 * rejected). Consumers are idempotent, so a duplicate is harmless.
 */
const AT_LEAST_ONCE_DEAD_LETTERING = {
  'x-dead-letter-strategy': 'at-least-once',
  'x-overflow': 'reject-publish',
} as const;

/**
 * Exactly what provisioning declares, derived from libs/contracts/src/topology.ts:
 * - per service: `<s>.events` (topic), `<s>.retry` (direct), `<s>.dead-letter` (direct);
 * - per consumer queue Q: Q itself (quorum, delivery limit, dead-lettered to the owner's dead-letter
 *   exchange), `Q.dead-letter` (quorum) and `Q.retry-N` for each back-off delay.
 *
 * The retry queues are quorum queues too: RabbitMQ 3.10 added message TTL to quorum queues (checked on
 * 3.10.8: a message expires after `x-message-ttl` and is dead-lettered through the default exchange
 * back to Q), so no classic queue is needed anywhere.
 */
export function topologyPlan(): TopologyPlan {
  const exchanges: ExchangeDeclaration[] = SERVICES.flatMap((service) => [
    { name: eventsExchange(service), type: 'topic' as const, owner: service },
    { name: retryExchange(service), type: 'direct' as const, owner: service },
    { name: deadLetterExchange(service), type: 'direct' as const, owner: service },
  ]);
  const queues: QueueDeclaration[] = [];
  for (const queue of CONSUMER_QUEUES) {
    queues.push({
      name: queue.name,
      owner: queue.owner,
      kind: 'consumer',
      consumerQueue: queue.name,
      arguments: {
        'x-queue-type': 'quorum',
        'x-delivery-limit': QUORUM_DELIVERY_LIMIT,
        'x-dead-letter-exchange': deadLetterExchange(queue.owner),
        'x-dead-letter-routing-key': queue.name,
        ...AT_LEAST_ONCE_DEAD_LETTERING,
      },
      bindings: queue.bindings,
    });
    queues.push({
      name: deadLetterQueueName(queue.name),
      owner: queue.owner,
      kind: 'dead-letter',
      consumerQueue: queue.name,
      arguments: { 'x-queue-type': 'quorum' },
      bindings: [{ exchange: deadLetterExchange(queue.owner), routingKey: queue.name }],
    });
    RETRY_DELAYS_MS.forEach((delay, index) => {
      const name = retryQueueName(queue.name, index + 1);
      queues.push({
        name,
        owner: queue.owner,
        kind: 'retry',
        consumerQueue: queue.name,
        arguments: {
          'x-queue-type': 'quorum',
          'x-message-ttl': delay,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': queue.name,
          ...AT_LEAST_ONCE_DEAD_LETTERING,
        },
        bindings: [{ exchange: retryExchange(queue.owner), routingKey: name }],
      });
    });
  }
  return { exchanges, queues };
}

/** Every dead-letter queue, with the consumer queue it belongs to. */
export function deadLetterQueues(): { queue: string; deadLetterQueue: string; owner: ServiceName }[] {
  return CONSUMER_QUEUES.map((queue) => ({
    queue: queue.name,
    deadLetterQueue: deadLetterQueueName(queue.name),
    owner: queue.owner,
  }));
}
