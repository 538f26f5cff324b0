import { compareIdentifiers, isValidNhsNumber, normalisePncId, normaliseUpn } from './identifier-match';

describe('agency identifiers', () => {
  it('checks an NHS number by its modulus 11 check digit, written with or without spaces', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('reads a PNC id with a two- or four-digit year and with or without leading zeros as one id', () => {
    expect(normalisePncId('2012/34567X')).toBe('12/0034567X');
    expect(normalisePncId('12/0034567x')).toBe('12/0034567X');
    expect(normalisePncId('not a pnc id')).toBeNull();
  });

  it('reads a UPN whatever its case', () => expect(normaliseUpn('a123456789012')).toBe('A123456789012'));

  it('says an NHS number agrees when both are the same', () => {
    expect(compareIdentifiers({ nhsNumber: '9434765919' }, { nhsNumber: '943 476 5919' })).toEqual([
      { identifier: 'nhs-number', agreement: 'agrees' },
    ]);
  });

  it('says an NHS number differs only when both are valid (a mistyped one says nothing)', () => {
    expect(compareIdentifiers({ nhsNumber: '9434765919' }, { nhsNumber: '4010232137' })).toEqual([
      { identifier: 'nhs-number', agreement: 'differs' },
    ]);
    expect(compareIdentifiers({ nhsNumber: '9434765918' }, { nhsNumber: '4010232137' })).toEqual([]);
  });

  it('compares UPN and PNC id when both sides have one, and nothing when either has none', () => {
    expect(
      compareIdentifiers({ upn: 'A123456789012', pncId: '12/34567X' }, { upn: 'A123456789013' }),
    ).toEqual([{ identifier: 'upn', agreement: 'differs' }]);
    expect(compareIdentifiers({ pncId: '12/34567X' }, { pncId: '2012/0034567X' })).toEqual([
      { identifier: 'pnc-id', agreement: 'agrees' },
    ]);
  });
});
