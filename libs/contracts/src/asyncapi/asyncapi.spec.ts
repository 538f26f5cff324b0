import { existsSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { MESSAGE_DEFINITIONS, MessageType } from '../message-types';
import { CONSUMER_QUEUES, deadLetterQueueName, eventsExchange, PUBLICATIONS, SERVICES } from '../topology';
import { CONTENT_TYPE, WireHeaders } from '../wire';
import { validateMessage } from '../validate-message';
import { isSignedType } from '../message-signature';
import { aChild, aConcern, aContactReceived, anExampleOf, anUnbornChild } from '../testing';
import { generateAsyncApi } from './generate';
import { ASYNCAPI_PATH } from './write';

const TYPES = Object.keys(MESSAGE_DEFINITIONS) as MessageType[];
const generated = generateAsyncApi();
const doc: any = parse(generated);

/** Resolves a local JSON pointer such as `#/components/schemas/Address`. */
function resolve(ref: string): any {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node: any, part) => (node === undefined ? undefined : node[part]), doc);
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  const own = typeof (value as any).$ref === 'string' ? [(value as any).$ref as string] : [];
  return [...own, ...Object.values(value).flatMap(refsIn)];
}

describe('docs/asyncapi.yaml', () => {
  it('is up to date with the contract', () => {
    const onDisk = existsSync(ASYNCAPI_PATH) ? readFileSync(ASYNCAPI_PATH, 'utf8') : '';
    if (onDisk !== generated) {
      const lines = [onDisk.split('\n'), generated.split('\n')];
      const at = lines[1].findIndex((line, index) => line !== lines[0][index]);
      throw new Error(
        `docs/asyncapi.yaml is out of date with libs/contracts: run npm run asyncapi` +
          (onDisk ? ` (first difference at line ${at + 1})` : ' (the file is missing)'),
      );
    }
  });

  it('is generated deterministically', () => {
    expect(generateAsyncApi()).toBe(generated);
  });
});

describe('generateAsyncApi', () => {
  it('is an AsyncAPI 3.0 document about the wire contract', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.info.title).toBe('MASH Hub wire contract');
    expect(doc.info.version).toBe(
      JSON.parse(readFileSync(`${__dirname}/../../package.json`, 'utf8')).version,
    );
    expect(doc.defaultContentType).toBe(CONTENT_TYPE);
  });

  it('has no reference that does not resolve', () => {
    const refs = [...new Set(refsIn(doc))];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs)
      expect({ ref, resolves: resolve(ref) !== undefined }).toEqual({ ref, resolves: true });
  });

  describe.each(TYPES)('message %s', (type) => {
    const message = () => doc.components.messages[type];

    it('has a payload schema generated from its class', () => {
      const className = MESSAGE_DEFINITIONS[type].payload.name;
      expect(message().payload).toEqual({ $ref: `#/components/schemas/${className}` });
      const schema = resolve(message().payload.$ref);
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
      expect(schema.required).toContain('contactId');
    });

    it('has its AMQP properties, correlation id and headers', () => {
      const definition = MESSAGE_DEFINITIONS[type];
      expect(message().name).toBe(type);
      expect(message().contentType).toBe(CONTENT_TYPE);
      expect(message().bindings.amqp.messageType).toBe(type);
      expect(message().correlationId.location).toBe('$message.payload#/contactId');
      const properties = message()['x-amqp-properties'];
      expect(Object.keys(properties.properties).sort()).toEqual(
        ['content_type', 'correlation_id', 'delivery_mode', 'message_id', 'timestamp', 'type'].sort(),
      );
      expect(properties.properties.type.const).toBe(type);
      const headers = message().headers;
      expect(Object.keys(headers.properties).sort()).toEqual(Object.values(WireHeaders).sort());
      expect(headers.required).toEqual(
        isSignedType(type)
          ? [WireHeaders.SchemaVersion, WireHeaders.Signature, WireHeaders.SigningKey]
          : [WireHeaders.SchemaVersion],
      );
      expect(headers.properties[WireHeaders.SchemaVersion].const).toBe(definition.schemaVersion);
    });

    it('has an example that the contract accepts', () => {
      const [example] = message().examples;
      expect(example.payload).toEqual(JSON.parse(JSON.stringify(anExampleOf(type))));
      expect(validateMessage(type, example.payload)).toMatchObject({ ok: true });
    });
  });

  it('has the nested schemas under components.schemas', () => {
    const nested = [
      'Address',
      'Referrer',
      'ChildDetails',
      'AdultDetails',
      'Concern',
      'Consent',
      'SocialCareIndexResult',
      'RequestedCheck',
      'CheckSubject',
      'CheckMatch',
      'CheckItem',
      'LetterRecipient',
      'LetterChild',
    ];
    for (const name of nested) {
      expect({ name, type: doc.components.schemas[name]?.type }).toEqual({ name, type: 'object' });
    }
    expect(doc.components.schemas.ContactReceived.properties.children.items).toEqual({
      $ref: '#/components/schemas/ChildDetails',
    });
    expect(doc.components.schemas.ContactScreened.properties.contact).toEqual({
      $ref: '#/components/schemas/ContactReceived',
    });
  });

  it('describes dates, optional fields and conditionally required fields', () => {
    const child = doc.components.schemas.ChildDetails;
    expect(child.required.sort()).toEqual(['familyName', 'givenName']);
    expect(child.properties.dateOfBirth).toMatchObject({ type: ['string', 'null'], format: 'date' });
    expect(JSON.stringify(child.properties.approximateAge)).toContain('#/components/schemas/ApproximateAge');
    expect(child.properties.expectedDueDate.description).toMatch(/required for an unborn child/);
    expect(child.properties.address).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Address' }, { type: 'null' }],
    });
    expect(child.properties.gender.enum).toContain(null);
  });

  describe('channels', () => {
    const channels = (): any[] => Object.values(doc.channels);

    it.each(
      CONSUMER_QUEUES.flatMap((queue) => queue.bindings.map((binding) => [queue.name, binding] as const)),
    )('route to %s what it is bound to', (queueName, binding) => {
      const channel = channels().find(
        (c) => c.address === binding.routingKey && c.bindings.amqp.exchange.name === binding.exchange,
      );
      expect(channel).toBeDefined();
      expect(channel.bindings.amqp).toMatchObject({
        is: 'routingKey',
        exchange: { name: binding.exchange, type: 'topic', durable: true },
      });
      const queue = channel.bindings.amqp['x-mash-queues'].find((q: any) => q.name === queueName);
      expect(queue).toMatchObject({ type: 'quorum', deadLetterQueue: deadLetterQueueName(queueName) });
    });

    it('are one per exchange and routing key', () => {
      const keys = channels().map((c) => `${c.bindings.amqp.exchange.name} ${c.address}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('carry only messages of their routing key', () => {
      for (const channel of channels()) {
        for (const type of Object.keys(channel.messages)) {
          expect(channel.address === type || channel.address.startsWith(`${type}.`)).toBe(true);
        }
      }
    });
  });

  describe('operations', () => {
    const operations = (): any[] => Object.values(doc.operations);

    it.each(SERVICES.flatMap((service) => PUBLICATIONS[service].map((type) => [service, type] as const)))(
      '%s sends %s on its own exchange',
      (service, type) => {
        const sends = operations().filter(
          (operation) =>
            operation.action === 'send' &&
            operation.tags[0].name === service &&
            operation.messages.some((m: any) => m.$ref.endsWith(`/messages/${type}`)),
        );
        expect(sends.length).toBeGreaterThan(0);
        for (const send of sends)
          expect(resolve(send.channel.$ref).bindings.amqp.exchange.name).toBe(eventsExchange(service));
      },
    );

    it.each(CONSUMER_QUEUES.map((queue) => [queue.name, queue] as const))(
      '%s receives everything it accepts',
      (queueName, queue) => {
        const receives = operations().filter(
          (operation) => operation.action === 'receive' && operation['x-mash-queue'] === queueName,
        );
        expect(receives.length).toBe(queue.bindings.length);
        for (const receive of receives) expect(receive.tags).toEqual([{ name: queue.owner }]);
        const received = new Set(
          receives.flatMap((r) => r.messages.map((m: any) => resolve(m.$ref).$ref.split('/').pop())),
        );
        expect([...received].sort()).toEqual([...queue.accepts].sort());
      },
    );

    it('reference messages of their own channel', () => {
      for (const operation of operations()) {
        for (const message of operation.messages)
          expect(message.$ref.startsWith(`${operation.channel.$ref}/messages/`)).toBe(true);
      }
    });
  });
});

describe('the payload schemas, read by a JSON Schema validator', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'asyncapi', components: { schemas: doc.components.schemas } });
  const validatorOf = (type: MessageType) =>
    ajv.compile({ $ref: `asyncapi#/components/schemas/${MESSAGE_DEFINITIONS[type].payload.name}` });
  const wire = (body: unknown): unknown => JSON.parse(JSON.stringify(body));

  it.each(TYPES)('accept the example %s', (type) => {
    const validate = validatorOf(type);
    expect({ valid: validate(wire(anExampleOf(type))), errors: validate.errors ?? null }).toEqual({
      valid: true,
      errors: null,
    });
  });

  it.each([
    ['an unborn child', aContactReceived({ children: [anUnbornChild({ dateOfBirth: null })] })],
    ['nulls for optional fields', aContactReceived({ children: [aChild({ gender: null, address: null })] })],
    ['an unknown property', { ...aContactReceived(), addedLater: 1 }],
  ])('agree with validateMessage in accepting %s', (_, body) => {
    expect(validateMessage('contact.received', wire(body))).toMatchObject({ ok: true });
    expect(validatorOf('contact.received')(wire(body))).toBe(true);
  });

  it.each([
    ['an unknown enum value', { ...aContactReceived(), source: 'carrier-pigeon' }],
    ['an oversized summary', aContactReceived({ concern: aConcern({ summary: 'x'.repeat(10_001) }) })],
    ['a missing required field', { ...aContactReceived(), contactId: undefined }],
    ['a contact id that is not a uuid', aContactReceived({ contactId: 'c-1' })],
    ['no children', aContactReceived({ children: [] })],
    ['an impossible date', aContactReceived({ children: [aChild({ dateOfBirth: '2023-02-29' })] })],
  ])('agree with validateMessage in refusing %s', (_, body) => {
    expect(validateMessage('contact.received', wire(body))).toMatchObject({ ok: false });
    expect(validatorOf('contact.received')(wire(body))).toBe(false);
  });
});
