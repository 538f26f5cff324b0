import { MESSAGE_DEFINITIONS, MessageType } from './message-types';
import { validateMessage } from './validate-message';
import {
  aChild,
  aConcern,
  aConsent,
  aContactReceived,
  aContactScreened,
  anAddress,
  anExampleOf,
  anUnbornChild,
  violationsOf,
} from './testing';

const TYPES = Object.keys(MESSAGE_DEFINITIONS) as MessageType[];

/** A body as it arrives: parsed JSON, not an object built in the test. */
const wire = (body: unknown): unknown => JSON.parse(JSON.stringify(body));

function refused(type: MessageType, body: unknown) {
  const result = validateMessage(type, wire(body));
  if (result.ok) throw new Error(`expected ${type} to be refused`);
  return result;
}

describe('validateMessage accepts', () => {
  it.each(TYPES)('a valid %s, as an instance of its payload class', (type) => {
    const result = validateMessage(type, wire(anExampleOf(type)));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.message).toBeInstanceOf(MESSAGE_DEFINITIONS[type].payload);
  });

  it('nested objects as instances of their classes', () => {
    const result = validateMessage('contact.screened', wire(aContactScreened()));
    if (!result.ok) throw new Error(result.reason);
    const message = result.message as ReturnType<typeof aContactScreened>;
    expect(message.contact.constructor.name).toBe('ContactReceived');
    expect(message.contact.children[0].constructor.name).toBe('ChildDetails');
  });

  it('an unborn child with an expected due date and no date of birth', () => {
    expect(violationsOf('contact.received', wire(aContactReceived({ children: [anUnbornChild()] })))).toEqual(
      [],
    );
  });

  it('an unborn child whose date of birth is null', () => {
    const body = aContactReceived({ children: [anUnbornChild({ dateOfBirth: null })] });
    expect(violationsOf('contact.received', wire(body))).toEqual([]);
  });

  it('a child with an approximate age (years or school year) instead of a date of birth', () => {
    const body = aContactReceived({
      children: [
        aChild({ dateOfBirth: null, approximateAge: { years: 7 } }),
        aChild({ dateOfBirth: undefined, approximateAge: { schoolYear: 'year-3' } }),
      ],
    });
    expect(violationsOf('contact.received', wire(body))).toEqual([]);
  });

  it('a child with neither a date of birth nor an age (screening asks a contact officer to find out)', () => {
    const body = aContactReceived({ children: [aChild({ dateOfBirth: undefined })] });
    expect(violationsOf('contact.received', wire(body))).toEqual([]);
  });

  it('null for optional fields', () => {
    const child = aChild({ gender: null, address: null, nhsNumber: null, upn: null, school: null });
    const body = aContactReceived({
      children: [child],
      concern: aConcern({ childSaid: null, safetyScale: null }),
    });
    expect(violationsOf('contact.received', wire(body))).toEqual([]);
  });

  it('absent optional fields', () => {
    const body = aContactReceived({
      children: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2020-01-01' }],
    });
    delete body.adults;
    expect(violationsOf('contact.received', wire(body))).toEqual([]);
  });

  it('properties it does not know (a newer sender may add fields)', () => {
    const body = { ...aContactReceived(), addedInVersion2: { anything: true } };
    expect(violationsOf('contact.received', wire(body))).toEqual([]);
  });

  it('a summary of exactly the maximum length', () => {
    const body = aContactReceived({ concern: aConcern({ summary: 'x'.repeat(10_000) }) });
    expect(violationsOf('contact.received', wire(body))).toEqual([]);
  });
});

describe('validateMessage refuses', () => {
  it.each(['contact.deleted', 'check.requested.police', '', undefined, null, 42])(
    'the unknown type %p',
    (type) => {
      expect(validateMessage(type, aContactReceived())).toEqual({
        ok: false,
        reason: 'unknown message type',
        violations: [],
      });
    },
  );

  it.each([[null], [undefined], [[]], [[aContactReceived()]], ['{"contactId":"x"}'], [42], [true]])(
    'the non-object body %p',
    (body) => {
      expect(validateMessage('contact.received', body)).toEqual({
        ok: false,
        reason: 'body is not a JSON object',
        violations: [],
      });
    },
  );

  it.each(TYPES)('an empty %s, naming every missing field', (type) => {
    const result = refused(type, {});
    expect(result.violations.length).toBeGreaterThan(0);
    expect(result.violations.map((v) => v.field)).toContain('contactId');
    expect(result.reason).toMatch(new RegExp(`^invalid ${type.replace('.', '\\.')}: `));
  });

  it('an impossible date (2023-02-29)', () => {
    const body = aContactReceived({ children: [aChild({ dateOfBirth: '2023-02-29' })] });
    expect(violationsOf('contact.received', wire(body))).toEqual([
      'children[0].dateOfBirth (isCalendarDate)',
    ]);
  });

  it('an approximate age beside a date of birth, or for an unborn child', () => {
    const body = aContactReceived({
      children: [
        aChild({ approximateAge: { years: 7 } }),
        anUnbornChild({ approximateAge: { schoolYear: 'reception' } }),
      ],
    });
    expect(violationsOf('contact.received', wire(body))).toEqual([
      'children[0].approximateAge (isAbsent)',
      'children[1].approximateAge (isAbsent)',
    ]);
  });

  it('an approximate age with neither years nor a school year, both, or out of range', () => {
    const body = aContactReceived({
      children: [
        aChild({ dateOfBirth: null, approximateAge: {} }),
        aChild({ dateOfBirth: null, approximateAge: { years: 7, schoolYear: 'year-2' } }),
        aChild({ dateOfBirth: null, approximateAge: { years: 18 } }),
        aChild({ dateOfBirth: null, approximateAge: { schoolYear: 'year-14' as never } }),
      ],
    });
    expect(violationsOf('contact.received', wire(body))).toEqual([
      'children[0].approximateAge.years (isDefined)',
      'children[0].approximateAge.years (max)',
      'children[0].approximateAge.years (min)',
      'children[0].approximateAge.years (isInt)',
      'children[1].approximateAge.schoolYear (isAbsent)',
      'children[2].approximateAge.years (max)',
      'children[3].approximateAge.schoolYear (isIn)',
    ]);
  });

  it('an unborn child without an expected due date', () => {
    const body = aContactReceived({ children: [anUnbornChild({ expectedDueDate: undefined })] });
    expect(violationsOf('contact.received', wire(body))).toEqual([
      'children[0].expectedDueDate (isDefined)',
      'children[0].expectedDueDate (isCalendarDate)',
    ]);
  });

  it('an unborn child with an impossible expected due date', () => {
    const body = aContactReceived({ children: [anUnbornChild({ expectedDueDate: '2025-02-29' })] });
    expect(violationsOf('contact.received', wire(body))).toEqual([
      'children[0].expectedDueDate (isCalendarDate)',
    ]);
  });

  it('an unknown enum value', () => {
    const body = { ...aContactReceived(), source: 'carrier-pigeon' };
    expect(violationsOf('contact.received', wire(body))).toEqual(['source (isIn)']);
  });

  it('an unknown enum value in a nested array', () => {
    const body = { ...aContactReceived(), concern: { ...aConcern(), categories: ['neglect', 'boredom'] } };
    expect(violationsOf('contact.received', wire(body))).toEqual(['concern.categories (isIn)']);
  });

  it('an unknown enum value deep in a nested object', () => {
    const body = aContactScreened({
      contact: aContactReceived({ children: [aChild(), { ...aChild(), gender: 'x' }] as never }),
    });
    expect(violationsOf('contact.screened', wire(body))).toEqual(['contact.children[1].gender (isIn)']);
  });

  it('an oversized summary', () => {
    const body = aContactReceived({ concern: aConcern({ summary: 'x'.repeat(10_001) }) });
    expect(violationsOf('contact.received', wire(body))).toEqual(['concern.summary (maxLength)']);
  });

  it('a nested object given as something else', () => {
    const body = { ...aContactReceived(), referrer: 'Sam Teacher' };
    expect(violationsOf('contact.received', wire(body))).toContain('referrer (nestedValidation)');
  });

  it('a missing nested object', () => {
    const body: Record<string, unknown> = aContactReceived() as never;
    delete body.consent;
    expect(violationsOf('contact.received', wire(body))).toContain('consent (isDefined)');
  });
});

describe('violations', () => {
  it('give the path of the field, with array indexes, in the field and in the message', () => {
    const body = aContactReceived({
      children: [aChild(), aChild({ address: anAddress({ postcode: 'nowhere' }) })],
    });
    const result = refused('contact.received', body);
    expect(result.violations).toEqual([
      {
        field: 'children[1].address.postcode',
        rule: 'matches',
        message: 'children[1].address.postcode must be a UK postcode',
      },
    ]);
    expect(result.reason).toBe('invalid contact.received: children[1].address.postcode (matches)');
  });

  it('never contain the offending values', () => {
    const canary = (n: number) => `CANARY${n}`;
    const body = {
      ...aContactReceived(),
      contactId: canary(1),
      source: canary(2),
      receivedAt: canary(3),
      referrer: { name: 'x', email: `${canary(4)}@`, phone: canary(5) },
      children: [
        { ...aChild(), dateOfBirth: canary(6), gender: canary(7), nhsNumber: canary(8), upn: canary(9) },
      ],
      concern: {
        ...aConcern(),
        summary: canary(10).repeat(2_000),
        categories: [canary(11)],
        safetyScale: 11,
      },
      consent: aConsent({ status: 'refused', reason: undefined }),
    };
    const result = refused('contact.received', body);
    expect(result.violations.length).toBeGreaterThanOrEqual(11);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/CANARY/);
  });

  it('name the field of a custom rule with its full path', () => {
    const body = aContactReceived({ consent: aConsent({ status: 'not-sought', reason: null }) });
    const result = refused('contact.received', body);
    expect(result.violations).toContainEqual({
      field: 'consent.reason',
      rule: 'isDefined',
      message: 'consent.reason is required when consent was refused or not sought',
    });
  });
});
