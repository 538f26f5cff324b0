import {
  aChild,
  aConcern,
  aConsent,
  aContactReceived,
  anAddress,
  anAdult,
  anUnbornChild,
  aReferrer,
  violationsOf,
} from '../testing';
import { MAX_ADULTS, MAX_CHILDREN, SUMMARY_MAX } from './contact-received';
import { NAME_MAX } from './people';

const check = (body: unknown) => violationsOf('contact.received', JSON.parse(JSON.stringify(body)));
const withKey = (key: string, value: unknown) => ({ ...aContactReceived(), [key]: value });

describe('contact.received', () => {
  it('accepts the example', () => {
    expect(check(aContactReceived())).toEqual([]);
  });

  describe('identity', () => {
    it.each([['not-a-uuid'], [''], [null], [42]])('refuses the contact id %p', (contactId) => {
      expect(check(withKey('contactId', contactId))).toEqual(['contactId (isUuid)']);
    });

    it('refuses an empty or oversized reference', () => {
      expect(check(withKey('reference', ''))).toEqual(['reference (isNotEmpty)']);
      expect(check(withKey('reference', 'R'.repeat(41)))).toEqual(['reference (maxLength)']);
    });

    it.each(['yesterday', '2024-13-01T00:00:00Z', '04/03/2024'])(
      'refuses the received time %j',
      (receivedAt) => {
        expect(check(withKey('receivedAt', receivedAt))).toEqual(['receivedAt (isIso8601)']);
      },
    );
  });

  describe('children', () => {
    it('refuses a contact about no child, with a message that says so', () => {
      expect(check(aContactReceived({ children: [] }))).toEqual(['children (arrayMinSize)']);
    });

    it(`accepts ${MAX_CHILDREN} children and refuses more`, () => {
      expect(
        check(aContactReceived({ children: Array.from({ length: MAX_CHILDREN }, () => aChild()) })),
      ).toEqual([]);
      expect(
        check(aContactReceived({ children: Array.from({ length: MAX_CHILDREN + 1 }, () => aChild()) })),
      ).toEqual(['children (arrayMaxSize)']);
    });

    it('refuses children that are not a list', () => {
      expect(check(withKey('children', aChild()))).toContain('children (isArray)');
    });

    it('refuses a child without a name', () => {
      expect(check(aContactReceived({ children: [aChild({ givenName: '' })] }))).toEqual([
        'children[0].givenName (isNotEmpty)',
      ]);
      expect(
        check(aContactReceived({ children: [aChild({ familyName: 'x'.repeat(NAME_MAX + 1) })] })),
      ).toEqual(['children[0].familyName (maxLength)']);
    });

    it('accepts a born child with an expected due date as well', () => {
      expect(check(aContactReceived({ children: [aChild({ expectedDueDate: '2016-05-20' })] }))).toEqual([]);
    });

    it('refuses an impossible expected due date on a born child', () => {
      expect(check(aContactReceived({ children: [aChild({ expectedDueDate: '2016-02-30' })] }))).toEqual([
        'children[0].expectedDueDate (isCalendarDate)',
      ]);
    });

    it('refuses unborn that is not a boolean', () => {
      expect(
        check(aContactReceived({ children: [{ ...anUnbornChild(), unborn: 'yes' } as never] })),
      ).toContain('children[0].unborn (isBoolean)');
    });

    it.each([
      ['nhsNumber', '123', 'matches'],
      ['upn', 'a12345678901b', 'matches'],
      ['gender', 'f', 'isIn'],
      ['school', 's'.repeat(201), 'maxLength'],
    ])('refuses the %s %j', (field, value, rule) => {
      expect(check(aContactReceived({ children: [{ ...aChild(), [field]: value }] }))).toEqual([
        `children[0].${field} (${rule})`,
      ]);
    });

    it('accepts a UPN', () => {
      expect(check(aContactReceived({ children: [aChild({ upn: 'A12345678901B' })] }))).toEqual([]);
    });

    it('refuses too many or too long other names', () => {
      expect(check(aContactReceived({ children: [aChild({ otherNames: Array(11).fill('x') })] }))).toEqual([
        'children[0].otherNames (arrayMaxSize)',
      ]);
      expect(
        check(aContactReceived({ children: [aChild({ otherNames: ['x'.repeat(NAME_MAX + 1)] })] })),
      ).toEqual(['children[0].otherNames (maxLength)']);
    });
  });

  describe('adults', () => {
    it('are optional', () => {
      expect(check(aContactReceived({ adults: [] }))).toEqual([]);
      expect(check(aContactReceived({ adults: undefined }))).toEqual([]);
    });

    it(`number at most ${MAX_ADULTS}`, () => {
      expect(
        check(aContactReceived({ adults: Array.from({ length: MAX_ADULTS + 1 }, () => anAdult()) })),
      ).toEqual(['adults (arrayMaxSize)']);
    });

    it('have real dates of birth', () => {
      expect(
        check(aContactReceived({ adults: [anAdult(), anAdult({ dateOfBirth: '1990-02-29' })] })),
      ).toEqual(['adults[1].dateOfBirth (isCalendarDate)']);
    });

    it('have boolean flags', () => {
      expect(
        check(aContactReceived({ adults: [{ ...anAdult(), allegedPerpetrator: 'no' } as never] })),
      ).toEqual(['adults[0].allegedPerpetrator (isBoolean)']);
    });
  });

  describe('addresses', () => {
    it.each(['EX1 2AB', 'EX12AB', 'SW1A 1AA', 'M1 1AE', 'b33 8th'])('accept the postcode %j', (postcode) => {
      expect(check(aContactReceived({ children: [aChild({ address: anAddress({ postcode }) })] }))).toEqual(
        [],
      );
    });

    it.each(['12345', 'EX1  2AB', 'EX1 2A', 'nowhere'])('refuse the postcode %j', (postcode) => {
      expect(check(aContactReceived({ children: [aChild({ address: anAddress({ postcode }) })] }))).toEqual([
        'children[0].address.postcode (matches)',
      ]);
    });
  });

  describe('referrer', () => {
    it('is required', () => {
      expect(check(withKey('referrer', undefined))).toEqual(['referrer (isDefined)']);
    });

    it('has a name', () => {
      expect(check(aContactReceived({ referrer: aReferrer({ name: '' }) }))).toEqual([
        'referrer.name (isNotEmpty)',
      ]);
    });

    it('has a valid email and phone number, when given', () => {
      expect(check(aContactReceived({ referrer: aReferrer({ email: 'not an email' }) }))).toEqual([
        'referrer.email (isEmail)',
      ]);
      expect(check(aContactReceived({ referrer: aReferrer({ phone: 'call me' }) }))).toEqual([
        'referrer.phone (matches)',
      ]);
      expect(check(aContactReceived({ referrer: aReferrer({ email: null, phone: null }) }))).toEqual([]);
    });
  });

  describe('concern', () => {
    it('is required', () => {
      expect(check(withKey('concern', undefined))).toEqual(['concern (isDefined)']);
    });

    it('has a summary of at most SUMMARY_MAX characters', () => {
      expect(check(aContactReceived({ concern: aConcern({ summary: '' }) }))).toEqual([
        'concern.summary (isNotEmpty)',
      ]);
      expect(
        check(aContactReceived({ concern: aConcern({ summary: 's'.repeat(SUMMARY_MAX + 1) }) })),
      ).toEqual(['concern.summary (maxLength)']);
      expect(
        check(aContactReceived({ concern: aConcern({ childSaid: 's'.repeat(SUMMARY_MAX + 1) }) })),
      ).toEqual(['concern.childSaid (maxLength)']);
    });

    it('has at least one known category', () => {
      expect(check(aContactReceived({ concern: aConcern({ categories: [] }) }))).toEqual([
        'concern.categories (arrayMinSize)',
      ]);
      expect(check(aContactReceived({ concern: aConcern({ categories: ['neglect', 'other'] }) }))).toEqual(
        [],
      );
    });

    it('says whether there is immediate danger', () => {
      expect(
        check(aContactReceived({ concern: { ...aConcern(), immediateDanger: undefined as never } })),
      ).toEqual(['concern.immediateDanger (isBoolean)']);
    });

    it.each([
      [0, true],
      [10, true],
      [-1, false],
      [11, false],
      [5.5, false],
    ])('takes a safety scale of %p: %p', (safetyScale, valid) => {
      const violations = check(aContactReceived({ concern: aConcern({ safetyScale }) }));
      expect(violations.length === 0).toBe(valid);
    });
  });

  describe('consent', () => {
    it('needs no reason when given', () => {
      expect(check(aContactReceived({ consent: aConsent({ status: 'given', reason: undefined }) }))).toEqual(
        [],
      );
    });

    it.each(['refused', 'not-sought'] as const)('needs a reason when %s', (status) => {
      expect(check(aContactReceived({ consent: aConsent({ status, reason: undefined }) }))).toContain(
        'consent.reason (isDefined)',
      );
      expect(check(aContactReceived({ consent: aConsent({ status, reason: null }) }))).toContain(
        'consent.reason (isDefined)',
      );
      expect(
        check(aContactReceived({ consent: aConsent({ status, reason: 'Would place the child at risk.' }) })),
      ).toEqual([]);
    });

    it('refuses an unknown status', () => {
      expect(check(aContactReceived({ consent: { status: 'maybe' } as never }))).toContain(
        'consent.status (isIn)',
      );
    });
  });
});
