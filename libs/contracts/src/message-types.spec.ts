import { isMessageType, MESSAGE_DEFINITIONS, MessageType, MessageTypes } from './message-types';

const TYPES = Object.keys(MESSAGE_DEFINITIONS) as MessageType[];

describe('MESSAGE_DEFINITIONS', () => {
  it('defines exactly the message types of the flow', () => {
    expect([...TYPES].sort()).toEqual(Object.values(MessageTypes).sort());
  });

  it.each(TYPES)(
    '%s is filed under its own type, with a schema version, a payload class and a summary',
    (type) => {
      const definition = MESSAGE_DEFINITIONS[type];
      expect(definition.type).toBe(type);
      expect(definition.schemaVersion).toMatch(/^[1-9]\d*$/);
      expect(typeof definition.payload).toBe('function');
      expect(definition.summary.trim()).not.toBe('');
    },
  );

  it('gives every message type its own payload class', () => {
    const classes = TYPES.map((type) => MESSAGE_DEFINITIONS[type].payload);
    expect(new Set(classes).size).toBe(classes.length);
  });
});

describe('isMessageType', () => {
  it.each(TYPES)('knows %s', (type) => {
    expect(isMessageType(type)).toBe(true);
  });

  it.each([
    'contact.deleted',
    'Contact.Received',
    'contact.received ',
    'check.requested.police',
    '',
    // Inherited properties of a plain object are not message types.
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
  ])('refuses %j', (value) => {
    expect(isMessageType(value)).toBe(false);
  });

  it.each([[undefined], [null], [42], [{}], [['contact.received']]])('refuses the non-string %p', (value) => {
    expect(isMessageType(value)).toBe(false);
  });
});
