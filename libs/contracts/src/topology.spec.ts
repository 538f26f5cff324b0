import { MessageType, MessageTypes } from './message-types';
import {
  AGENCY_BOUND_MESSAGE_TYPES,
  AgencyBoundMessageType,
  agencyRoutingKey,
  agencyService,
  brokerPermissions,
  senderOf,
  senderRefusal,
  checkRequestedRoutingKey,
  CONSUMER_QUEUES,
  deadLetterExchange,
  deadLetterQueueName,
  eventsExchange,
  PUBLICATIONS,
  queueOf,
  QUORUM_DELIVERY_LIMIT,
  RETRY_DELAYS_MS,
  retryExchange,
  retryQueueName,
  ServiceName,
  SERVICES,
} from './topology';
import { AGENCIES } from './vocabulary';
import { WireHeaders } from './wire';

const ALL_QUEUES = CONSUMER_QUEUES.map((queue) => queue.name);
const ALL_EXCHANGES = SERVICES.flatMap((service) => [
  eventsExchange(service),
  retryExchange(service),
  deadLetterExchange(service),
]);
/** Queues provisioning declares besides the consumer queues: the retry and dead-letter queues. */
const PARKING_QUEUES = ALL_QUEUES.flatMap((queue) => [
  deadLetterQueueName(queue),
  ...RETRY_DELAYS_MS.map((_, index) => retryQueueName(queue, index + 1)),
]);

/** AMQP topic matching: `*` is one word, `#` is zero or more. */
function topicMatches(pattern: string, key: string): boolean {
  const match = (p: string[], k: string[]): boolean => {
    if (!p.length) return !k.length;
    if (p[0] === '#') return match(p.slice(1), k) || (k.length > 0 && match(p, k.slice(1)));
    return k.length > 0 && (p[0] === '*' || p[0] === k[0]) && match(p.slice(1), k.slice(1));
  };
  return match(pattern.split('.'), key.split('.'));
}

/** The queues a message published to an exchange with a routing key lands on. */
function routedTo(exchange: string, routingKey: string): string[] {
  return CONSUMER_QUEUES.filter((queue) =>
    queue.bindings.some(
      (binding) => binding.exchange === exchange && topicMatches(binding.routingKey, routingKey),
    ),
  ).map((queue) => queue.name);
}

/** The routing keys a service publishes a type with: check.requested is keyed per agency. */
function routingKeysOf(type: MessageType): string[] {
  return (AGENCY_BOUND_MESSAGE_TYPES as readonly MessageType[]).includes(type)
    ? AGENCIES.map((agency) => agencyRoutingKey(type as AgencyBoundMessageType, agency))
    : [type];
}

function typeOfRoutingKey(routingKey: string): MessageType | undefined {
  return Object.values(MessageTypes).find((type) => routingKey === type || routingKey.startsWith(`${type}.`));
}

describe('topic matching (test helper)', () => {
  it.each([
    ['a.b', 'a.b', true],
    ['a.b', 'a.b.c', false],
    ['a.*', 'a.b', true],
    ['a.*', 'a.b.c', false],
    ['a.#', 'a', true],
    ['a.#', 'a.b.c', true],
    ['#', 'anything.at.all', true],
  ])('%s matches %s: %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });
});

describe('brokerPermissions', () => {
  const regex = (pattern: string) => new RegExp(pattern);

  describe.each(SERVICES)('%s', (service) => {
    const permissions = brokerPermissions(service);
    const ownQueues = CONSUMER_QUEUES.filter((queue) => queue.owner === service).map((queue) => queue.name);
    const ownExchanges = [eventsExchange(service), retryExchange(service), deadLetterExchange(service)];

    it('may configure nothing: provisioning declares the topology', () => {
      expect(permissions.configure).toBe('^$');
      for (const name of [...ALL_QUEUES, ...PARKING_QUEUES, ...ALL_EXCHANGES]) {
        expect(regex(permissions.configure).test(name)).toBe(false);
      }
    });

    it('may read its own queues', () => {
      for (const name of ownQueues) expect(regex(permissions.read).test(name)).toBe(true);
    });

    it("may not read another service's queue, a retry or dead-letter queue, or an exchange", () => {
      const others = [
        ...ALL_QUEUES.filter((name) => !ownQueues.includes(name)),
        ...PARKING_QUEUES,
        ...ALL_EXCHANGES,
      ];
      for (const name of others)
        expect({ name, readable: regex(permissions.read).test(name) }).toEqual({ name, readable: false });
    });

    it('may write to its own events, retry and dead-letter exchanges', () => {
      for (const name of ownExchanges) expect(regex(permissions.write).test(name)).toBe(true);
    });

    it("may not write to another service's exchange, the default exchange or any queue", () => {
      const others = [
        ...ALL_EXCHANGES.filter((name) => !ownExchanges.includes(name)),
        '',
        'amq.default',
        'amq.topic',
      ];
      for (const name of [...others, ...ALL_QUEUES, ...PARKING_QUEUES]) {
        expect({ name, writable: regex(permissions.write).test(name) }).toEqual({ name, writable: false });
      }
    });

    it('escapes the names: a dot matches only a dot, and the pattern is anchored', () => {
      const names = [...ownQueues, ...ownExchanges];
      const lookalikes = names
        .flatMap((name) => [name.replace(/\./g, 'x'), `${name}x`, `x${name}`, name.replace(/-/g, '')])
        .filter((name) => !names.includes(name));
      for (const name of lookalikes) {
        expect(regex(permissions.read).test(name)).toBe(false);
        expect(regex(permissions.write).test(name)).toBe(false);
      }
    });
  });

  it('police-checks cannot read the health or education check requests', () => {
    const read = new RegExp(brokerPermissions('police-checks').read);
    expect(read.test('police-checks.check-requests')).toBe(true);
    expect(read.test('health-checks.check-requests')).toBe(false);
    expect(read.test('education-checks.check-requests')).toBe(false);
  });

  it('a service without queues may read nothing', () => {
    expect(queueOf('intake')).toBeUndefined();
    expect(brokerPermissions('intake').read).toBe('^$');
  });
});

describe('CONSUMER_QUEUES', () => {
  it('have unique names', () => {
    expect(new Set(ALL_QUEUES).size).toBe(ALL_QUEUES.length);
  });

  it('are all owned by a known service', () => {
    for (const queue of CONSUMER_QUEUES) expect(SERVICES).toContain(queue.owner);
  });

  it.each(CONSUMER_QUEUES.map((queue) => [queue.name, queue] as const))('%s is bound', (_, queue) => {
    expect(queue.bindings.length).toBeGreaterThan(0);
  });

  it.each(CONSUMER_QUEUES.map((queue) => [queue.name, queue] as const))(
    '%s is bound only to what a service publishes on its own exchange, and accepts exactly that',
    (_, queue) => {
      const boundTypes = new Set<MessageType>();
      for (const binding of queue.bindings) {
        const type = typeOfRoutingKey(binding.routingKey);
        expect({ binding, type }).toEqual({ binding, type: expect.any(String) });
        const publisher = SERVICES.find((service) => eventsExchange(service) === binding.exchange);
        expect({ binding, publisher }).toEqual({ binding, publisher: expect.any(String) });
        expect(PUBLICATIONS[publisher as ServiceName]).toContain(type);
        expect(routingKeysOf(type as MessageType)).toContain(binding.routingKey);
        boundTypes.add(type as MessageType);
      }
      expect([...boundTypes].sort()).toEqual([...queue.accepts].sort());
    },
  );

  it('do not consume their own publications', () => {
    for (const queue of CONSUMER_QUEUES) {
      for (const binding of queue.bindings) expect(binding.exchange).not.toBe(eventsExchange(queue.owner));
    }
  });
});

describe('PUBLICATIONS', () => {
  const publications = SERVICES.flatMap((service) =>
    PUBLICATIONS[service].flatMap((type) =>
      routingKeysOf(type).map((routingKey) => [service, routingKey] as const),
    ),
  );

  it.each(publications)('%s publishing %s reaches at least one queue', (service, routingKey) => {
    expect(routedTo(eventsExchange(service), routingKey).length).toBeGreaterThan(0);
  });

  it('has every message type published by some service', () => {
    const published = new Set(SERVICES.flatMap((service) => PUBLICATIONS[service]));
    expect([...published].sort()).toEqual(Object.values(MessageTypes).sort());
  });

  it('has each agency answer or escalate its checks and nothing else', () => {
    for (const agency of AGENCIES)
      expect(PUBLICATIONS[agencyService(agency)]).toEqual([
        MessageTypes.CheckResponded,
        MessageTypes.CheckEscalated,
      ]);
  });
});

describe('check.requested', () => {
  it.each(AGENCIES)("for %s routes only to that agency's own queue", (agency) => {
    const queue = queueOf(agencyService(agency));
    expect(queue?.name).toBe(`${agency}-checks.check-requests`);
    expect(routedTo(eventsExchange('triage'), checkRequestedRoutingKey(agency))).toEqual([queue?.name]);
  });

  it('without an agency routes nowhere', () => {
    expect(routedTo(eventsExchange('triage'), MessageTypes.CheckRequested)).toEqual([]);
  });

  it.each(AGENCIES)('has a routing key of its own for %s', (agency) => {
    expect(checkRequestedRoutingKey(agency)).toBe(`check.requested.${agency}`);
  });
});

describe('check.responded', () => {
  it.each(AGENCIES)('from %s reaches the decision inbox', (agency) => {
    expect(routedTo(eventsExchange(agencyService(agency)), MessageTypes.CheckResponded)).toEqual([
      'decision.inbox',
    ]);
  });
});

describe('names', () => {
  it.each(AGENCIES)('the %s agency is served by a known service', (agency) => {
    expect(SERVICES).toContain(agencyService(agency));
  });

  it('give each service its own exchanges', () => {
    expect(eventsExchange('triage')).toBe('triage.events');
    expect(retryExchange('triage')).toBe('triage.retry');
    expect(deadLetterExchange('triage')).toBe('triage.dead-letter');
    expect(new Set(ALL_EXCHANGES).size).toBe(ALL_EXCHANGES.length);
  });

  it('give each queue its retry and dead-letter queues', () => {
    expect(retryQueueName('triage.contacts', 2)).toBe('triage.contacts.retry-2');
    expect(deadLetterQueueName('triage.contacts')).toBe('triage.contacts.dead-letter');
    const all = [...ALL_QUEUES, ...PARKING_QUEUES];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('retries', () => {
  it('back off: each delay is longer than the one before', () => {
    expect(RETRY_DELAYS_MS.length).toBeGreaterThan(0);
    RETRY_DELAYS_MS.forEach((delay, index) => {
      expect(delay).toBeGreaterThan(index ? RETRY_DELAYS_MS[index - 1] : 0);
    });
  });

  it('stop well before the quorum delivery limit', () => {
    expect(QUORUM_DELIVERY_LIMIT).toBeGreaterThan(RETRY_DELAYS_MS.length);
  });
});

describe('who sent a message (senderOf, senderRefusal)', () => {
  it('takes user_id as the sender when it is another service', () => {
    expect(senderOf('triage', { [WireHeaders.Sender]: 'decision' }, 'police-checks')).toBe('triage');
  });

  it('believes x-mash-sender only on what the receiver itself, or an operator, republished', () => {
    expect(senderOf('police-checks', { [WireHeaders.Sender]: 'triage' }, 'police-checks')).toBe('triage');
    expect(senderOf('guest', { [WireHeaders.Sender]: 'decision' }, 'police-checks')).toBe('decision');
    expect(senderOf(undefined, { [WireHeaders.Sender]: 'triage' }, 'police-checks')).toBeUndefined();
    expect(senderOf('police-checks', {}, 'police-checks')).toBeUndefined();
  });

  it('lets a service send only what it publishes', () => {
    expect(senderRefusal('triage', MessageTypes.CheckRequested, {})).toBeUndefined();
    expect(senderRefusal('decision', MessageTypes.CheckCancelled, {})).toBeUndefined();
    expect(senderRefusal('triage', MessageTypes.CheckCancelled, {})).toBe(
      'triage may not publish check.cancelled',
    );
    expect(senderRefusal('police-checks', MessageTypes.ContactScreened, {})).toBe(
      'police-checks may not publish contact.screened',
    );
    expect(senderRefusal('guest', MessageTypes.ContactScreened, {})).toBe(
      'guest may not publish contact.screened',
    );
    expect(senderRefusal(undefined, MessageTypes.ContactScreened, {})).toMatch(/no user_id/);
  });

  it("refuses an agency's answer sent by another agency's node", () => {
    expect(senderRefusal('police-checks', MessageTypes.CheckResponded, { agency: 'police' })).toBeUndefined();
    expect(senderRefusal('health-checks', MessageTypes.CheckResponded, { agency: 'police' })).toBe(
      'health-checks may not publish check.responded for another agency',
    );
    expect(senderRefusal('health-checks', MessageTypes.CheckEscalated, { agency: 'education' })).toMatch(
      /another agency/,
    );
  });
});
