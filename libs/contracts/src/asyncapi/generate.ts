import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isScalar, isSeq, visit } from 'yaml';
import { MESSAGE_DEFINITIONS, MessageDefinition, MessageType } from '../message-types';
import {
  CONSUMER_QUEUES,
  ConsumerQueue,
  DEFAULT_VHOST,
  PUBLICATIONS,
  QUORUM_DELIVERY_LIMIT,
  RETRY_DELAYS_MS,
  SERVICES,
  ServiceName,
  deadLetterExchange,
  deadLetterQueueName,
  eventsExchange,
  retryExchange,
  retryQueueName,
} from '../topology';
import { topologyPlan } from '../topology-plan';
import { jsonSchemasFromValidators } from '../json-schemas';
import { isSignedType } from '../message-signature';
import { CONTENT_TYPE, WireHeaders } from '../wire';
import { anExampleOf } from '../testing/factories';

/**
 * Generates docs/asyncapi.yaml (AsyncAPI 3.0) from the contract itself: channels and operations from
 * the topology, payload schemas from the class-validator decorators, headers from the wire format.
 * Deterministic: the same contract always gives the same bytes, so a test can tell when the document
 * is stale (`npm run asyncapi` regenerates it).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const ASYNCAPI_VERSION = '3.0.0';
const AMQP_BINDING_VERSION = '0.3.0';
const SCHEMA_REF = '#/components/schemas/';
const MESSAGE_TYPES = Object.keys(MESSAGE_DEFINITIONS).sort() as MessageType[];

export function generateAsyncApi(): string {
  const schemas = payloadSchemas();
  const document = {
    asyncapi: ASYNCAPI_VERSION,
    info: info(),
    defaultContentType: CONTENT_TYPE,
    channels: {} as Schema,
    operations: {} as Schema,
    components: { messages: messages(schemas), schemas },
  };
  for (const route of routes()) {
    document.channels[route.channelId] = channel(route);
    if (route.publisher) {
      document.operations[`${route.publisher}.send.${route.routingKey}`] = sendOperation(
        route,
        route.publisher,
      );
    }
    for (const queue of route.queues) {
      document.operations[`${queue.name}.receive.${route.channelId}`] = receiveOperation(route, queue);
    }
  }
  return toYaml(canonical(document as unknown as Json, true));
}

function packageVersion(): string {
  // ../../package.json from both src/asyncapi and dist/asyncapi.
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function info(): Schema {
  const retries = RETRY_DELAYS_MS.map((ms) => `${ms / 1000}s`).join(', ');
  return {
    title: 'MASH Hub wire contract',
    version: packageVersion(),
    description: [
      'The messages the services of a Multi-Agency Safeguarding Hub exchange over RabbitMQ (AMQP 0-9-1), ' +
        `in the \`${DEFAULT_VHOST}\` virtual host. Generated from \`libs/contracts\`: do not edit by hand; ` +
        'run `npm run asyncapi`.',
      'The wire format is language-neutral, with no framework envelope. Every message is a JSON body (the ' +
        'payload) published with the AMQP basic properties `message_id`, `type` (the message type), ' +
        '`correlation_id` (the id of the contact the message is about), `timestamp` (seconds since the ' +
        `epoch), \`content_type\` \`${CONTENT_TYPE}\` and persistent delivery, and the headers ` +
        `\`${WireHeaders.SchemaVersion}\` and, when there is a trace, W3C \`${WireHeaders.TraceParent}\` and ` +
        `\`${WireHeaders.TraceState}\`.`,
      'Each service publishes only to its own topic exchange (`<service>.events`) and consumes only from its ' +
        'own quorum queues. Every message is validated where it is received; one that fails, or that the ' +
        'receiver cannot handle, is dead-lettered through `<service>.dead-letter` to `<queue>.dead-letter` ' +
        `with the reason in \`${WireHeaders.FailureReason}\`, never silently dropped. A message whose ` +
        `handling fails for a passing reason (the receiver's database or broker away, a lock) is retried ` +
        `through \`<service>.retry\` with back-off of up to ${retries} (then every ${retries.split(', ').pop()}, ` +
        `jittered), counting in \`${WireHeaders.Attempt}\`, until the receiver's retry horizon (hours) from ` +
        'its first failure has passed; a message that arrives before what it refers to waits the same way ' +
        'without counting as a failure. Any other failure is dead-lettered at once. A quorum queue ' +
        `delivers a message at most ${QUORUM_DELIVERY_LIMIT} times.`,
      'Receivers tolerate unknown payload properties (a newer sender may add fields) and de-duplicate on ' +
        '`message_id`.',
    ].join('\n\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Topology: one channel per (exchange, routing key)

interface Route {
  channelId: string;
  exchange: string;
  routingKey: string;
  types: MessageType[];
  /** The service that owns the exchange, when it publishes these types. */
  publisher?: ServiceName;
  queues: ConsumerQueue[];
}

/** The message type a routing key carries: the type itself, or the type plus a suffix (check.requested.police). */
function typesOfRoutingKey(routingKey: string): MessageType[] {
  return MESSAGE_TYPES.filter((type) => routingKey === type || routingKey.startsWith(`${type}.`));
}

function routes(): Route[] {
  const byChannel = new Map<string, Route>();
  const routeOf = (exchange: string, routingKey: string): Route => {
    const channelId = `${exchange}.${routingKey}`;
    let route = byChannel.get(channelId);
    if (!route) {
      const types = typesOfRoutingKey(routingKey);
      if (!types.length)
        throw new Error(`routing key ${routingKey} on ${exchange} carries no known message type`);
      const publisher = SERVICES.find(
        (service) =>
          eventsExchange(service) === exchange && types.some((type) => PUBLICATIONS[service].includes(type)),
      );
      route = { channelId, exchange, routingKey, types, publisher, queues: [] };
      byChannel.set(channelId, route);
    }
    return route;
  };
  for (const queue of CONSUMER_QUEUES) {
    for (const binding of queue.bindings) {
      const route = routeOf(binding.exchange, binding.routingKey);
      if (!route.queues.includes(queue)) route.queues.push(queue);
    }
  }
  // A publication nothing is bound to yet still gets its channel (routed nowhere).
  for (const service of SERVICES) {
    for (const type of PUBLICATIONS[service]) {
      const exchange = eventsExchange(service);
      const bound = [...byChannel.values()].some(
        (route) => route.exchange === exchange && route.types.includes(type),
      );
      if (!bound) routeOf(exchange, type);
    }
  }
  return [...byChannel.values()].sort((a, b) => compare(a.channelId, b.channelId));
}

function queueDetails(queue: ConsumerQueue): Schema {
  const declared = topologyPlan().queues.find((declaration) => declaration.name === queue.name);
  return {
    name: queue.name,
    owner: queue.owner,
    type: 'quorum',
    durable: true,
    vhost: DEFAULT_VHOST,
    accepts: [...queue.accepts],
    deliveryLimit: QUORUM_DELIVERY_LIMIT,
    arguments: { ...declared?.arguments },
    retryExchange: retryExchange(queue.owner),
    retryQueues: RETRY_DELAYS_MS.map((delayMs, index) => ({
      name: retryQueueName(queue.name, index + 1),
      delayMs,
    })),
    deadLetterExchange: deadLetterExchange(queue.owner),
    deadLetterQueue: deadLetterQueueName(queue.name),
  };
}

function channel(route: Route): Schema {
  const routed = route.queues.length ? route.queues.map((queue) => queue.name).join(', ') : 'no queue';
  return {
    address: route.routingKey,
    title: `${route.routingKey} on ${route.exchange}`,
    description:
      `Routing key \`${route.routingKey}\` on the topic exchange \`${route.exchange}\`` +
      (route.publisher ? `, published by ${route.publisher}` : '') +
      `; routed to ${routed}.`,
    messages: Object.fromEntries(
      route.types.map((type) => [type, { $ref: `#/components/messages/${type}` }]),
    ),
    bindings: {
      amqp: {
        is: 'routingKey',
        exchange: {
          name: route.exchange,
          type: 'topic',
          durable: true,
          autoDelete: false,
          vhost: DEFAULT_VHOST,
        },
        bindingVersion: AMQP_BINDING_VERSION,
        'x-mash-queues': route.queues.map(queueDetails),
      },
    },
  };
}

function channelMessageRefs(route: Route): Schema[] {
  return route.types.map((type) => ({ $ref: `#/channels/${route.channelId}/messages/${type}` }));
}

function sendOperation(route: Route, publisher: ServiceName): Schema {
  return {
    action: 'send',
    channel: { $ref: `#/channels/${route.channelId}` },
    messages: channelMessageRefs(route),
    summary: `${publisher} publishes ${route.types.join(', ')} to ${route.exchange} with routing key ${route.routingKey}.`,
    tags: [{ name: publisher }],
    bindings: { amqp: { deliveryMode: 2, timestamp: true, bindingVersion: AMQP_BINDING_VERSION } },
  };
}

function receiveOperation(route: Route, queue: ConsumerQueue): Schema {
  return {
    action: 'receive',
    channel: { $ref: `#/channels/${route.channelId}` },
    messages: channelMessageRefs(route),
    summary: `${queue.owner} consumes ${route.types.join(', ')} from its queue ${queue.name}.`,
    description:
      `Validated on receipt. Invalid or unhandleable messages go to ${deadLetterQueueName(queue.name)}; ` +
      `failed handling is retried via ${retryExchange(queue.owner)}.`,
    tags: [{ name: queue.owner }],
    bindings: { amqp: { ack: true, bindingVersion: AMQP_BINDING_VERSION } },
    'x-mash-queue': queue.name,
  };
}

// ---------------------------------------------------------------------------------------------
// Messages: AMQP properties, headers and payload

const HEADERS: Record<keyof typeof WireHeaders, (definition: MessageDefinition) => Schema> = {
  SchemaVersion: (definition) => ({
    type: 'string',
    const: definition.schemaVersion,
    description: 'Version of the payload schema of this message type.',
  }),
  TraceParent: () => ({
    type: 'string',
    pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
    description: 'W3C Trace Context traceparent of the publishing span, when there is one.',
  }),
  TraceState: () => ({ type: 'string', description: 'W3C Trace Context tracestate, when there is one.' }),
  Attempt: () => ({
    type: 'integer',
    minimum: 0,
    description: `Set when a receiver parks a message whose handling failed: how many times it has failed (the back-off tiers are ${RETRY_DELAYS_MS.length}; the last repeats).`,
  }),
  FailureReason: () => ({
    type: 'string',
    description: 'Set on a retried or dead-lettered message: why it could not be handled.',
  }),
  FailedQueue: () => ({
    type: 'string',
    description: 'Set on a dead-lettered message: the queue it was received from.',
  }),
  FailedAt: () => ({
    type: 'string',
    format: 'date-time',
    description: 'Set on a dead-lettered message: when.',
  }),
  Signature: (definition): Schema =>
    isSignedType(definition.type)
      ? {
          type: 'string',
          description:
            "Required. Ed25519 signature by the agency node's own key over the UTF-8 bytes of `type`, a newline, " +
            '`message_id`, a newline, then the body exactly as published; base64url. The receiver refuses a ' +
            'message that is unsigned, signed by an unknown key, does not verify, or names another agency.',
        }
      : { not: {}, description: 'Not used on this message type.' },
  SigningKey: (definition): Schema =>
    isSignedType(definition.type)
      ? {
          type: 'string',
          pattern: '^ed25519:[0-9a-f]{32}$',
          description:
            'Required. The id of the signing key: a fingerprint of its public key (SHA-256 of the SPKI DER, first 32 hex digits).',
        }
      : { not: {}, description: 'Not used on this message type.' },
};

function headersSchema(definition: MessageDefinition): Schema {
  const properties: Schema = {};
  for (const key of Object.keys(HEADERS) as (keyof typeof WireHeaders)[]) {
    properties[WireHeaders[key]] = HEADERS[key](definition);
  }
  const required = isSignedType(definition.type)
    ? [WireHeaders.SchemaVersion, WireHeaders.Signature, WireHeaders.SigningKey]
    : [WireHeaders.SchemaVersion];
  return { type: 'object', required, properties };
}

function amqpPropertiesSchema(definition: MessageDefinition): Schema {
  return {
    type: 'object',
    description: 'The AMQP basic properties the message is published with.',
    required: ['message_id', 'type', 'correlation_id', 'timestamp', 'content_type', 'delivery_mode'],
    properties: {
      message_id: {
        type: 'string',
        format: 'uuid',
        description: 'Unique per message; receivers de-duplicate on it.',
      },
      type: { type: 'string', const: definition.type, description: 'The message type.' },
      correlation_id: {
        type: 'string',
        format: 'uuid',
        description: 'The id of the contact the message is about (the payload contactId).',
      },
      timestamp: {
        type: 'integer',
        description: 'When the message was published, in seconds since the epoch.',
      },
      content_type: { type: 'string', const: CONTENT_TYPE },
      delivery_mode: { type: 'integer', const: 2, description: 'Persistent.' },
    },
  };
}

function messages(schemas: Schema): Schema {
  const out: Schema = {};
  for (const type of MESSAGE_TYPES) {
    const definition = MESSAGE_DEFINITIONS[type];
    const name = definition.payload.name;
    const properties = (schemas[name] as Schema | undefined)?.properties as Schema | undefined;
    if (!properties?.contactId) throw new Error(`${type} must carry contactId: it is the correlation_id`);
    out[type] = {
      name: type,
      title: name,
      summary: definition.summary,
      contentType: CONTENT_TYPE,
      correlationId: {
        description: 'The AMQP correlation_id property: the id of the contact the message is about.',
        location: '$message.payload#/contactId',
      },
      headers: headersSchema(definition),
      payload: { $ref: `${SCHEMA_REF}${name}` },
      bindings: { amqp: { messageType: type, bindingVersion: AMQP_BINDING_VERSION } },
      examples: [
        {
          name: 'example',
          headers: {
            [WireHeaders.SchemaVersion]: definition.schemaVersion,
            [WireHeaders.TraceParent]: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          },
          payload: anExampleOf(type) as Json,
        },
      ],
      'x-amqp-properties': amqpPropertiesSchema(definition),
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Payload schemas from the class-validator metadata

/** The JSON Schema of every payload class and every class nested in one, keyed by class name. */
function payloadSchemas(): Schema {
  const all = jsonSchemasFromValidators() as Record<string, Schema>;
  // Only the contract's classes: those reachable from a payload.
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name)) return;
    const schema = all[name];
    if (!schema) throw new Error(`no schema for ${name}`);
    reachable.add(name);
    for (const ref of refsIn(schema)) visit(ref);
  };
  for (const type of MESSAGE_TYPES) visit(MESSAGE_DEFINITIONS[type].payload.name);

  const out: Schema = {};
  for (const name of [...reachable].sort()) out[name] = all[name];
  return out;
}

function refsIn(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  const own =
    typeof value.$ref === 'string' && value.$ref.startsWith(SCHEMA_REF)
      ? [value.$ref.slice(SCHEMA_REF.length)]
      : [];
  return [...own, ...Object.values(value).flatMap(refsIn)];
}

// ---------------------------------------------------------------------------------------------
// Canonical form: sorted keys, so regeneration is byte-identical

const TOP_LEVEL_ORDER = ['asyncapi', 'info', 'defaultContentType', 'channels', 'operations', 'components'];

function canonical(value: Json, topLevel = false): Json {
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (value === null || typeof value !== 'object') return value;
  const rank = (key: string) =>
    topLevel && TOP_LEVEL_ORDER.includes(key) ? TOP_LEVEL_ORDER.indexOf(key) : TOP_LEVEL_ORDER.length;
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || compare(a, b));
  const out: { [key: string]: Json } = {};
  for (const key of keys) {
    const item = value[key];
    out[key] =
      key === 'required' && Array.isArray(item) && item.every((entry) => typeof entry === 'string')
        ? [...(item as string[])].sort(compare)
        : canonical(item);
  }
  return out;
}

/** Code-unit order: independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * YAML 1.1-safe output (dates and the like are quoted, so a YAML 1.1 reader keeps them as strings),
 * no anchors, no folding, and `type: [string, "null"]` on one line.
 */
function toYaml(value: Json): string {
  const document = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'type' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
