import { aPerson } from './testing/matching-factories';
import type { PersonToMatch } from './match-score';
import { recordSearchKeys, searchName, subjectSearchKeys } from './search-keys';

/** A record is found when it shares at least one key with the subject. */
const found = (subject: PersonToMatch, record: PersonToMatch) => {
  const keys = new Set(recordSearchKeys(record));
  return subjectSearchKeys(subject).filter((key) => keys.has(key));
};

describe('search keys', () => {
  it('find the same person by family name sound and date of birth', () => {
    expect(found(aPerson(), aPerson())).toEqual(
      expect.arrayContaining(['f:JNS|ym:2016-03', 'f:JNS|yd:2016-04', 'f:JNS|md:03-04', 'g:AM|md:03-04']),
    );
  });

  it('find a day of birth mistyped, by family name and year and month', () => {
    const keys = found(aPerson({ dateOfBirth: '2016-03-07', givenName: 'Bill' }), aPerson());
    expect(keys).toContain('f:JNS|ym:2016-03');
    expect(keys.every((key) => key.includes('|ym:'))).toBe(true);
  });

  it('find a month of birth mistyped, by family name and year and day', () => {
    const keys = found(aPerson({ dateOfBirth: '2016-08-04', givenName: 'Bill' }), aPerson());
    expect(keys).toContain('f:JNS|yd:2016-04');
    expect(keys.every((key) => key.includes('|yd:'))).toBe(true);
  });

  it('do not look for a namesake whose date of birth agrees in one part only (it would score as different)', () => {
    expect(found(aPerson({ dateOfBirth: '2016-09-21' }), aPerson())).toEqual([]);
  });

  it('find a phonetic misspelling of the family name', () => {
    expect(found(aPerson({ familyName: 'Smyth' }), aPerson({ familyName: 'Smith' }))).not.toEqual([]);
  });

  it('find day and month transposed', () => {
    expect(found(aPerson({ dateOfBirth: '2016-04-03' }), aPerson())).toContain('g:AM|md:03-04');
  });

  it('find the year of birth mistyped, by family name and day and month', () => {
    const keys = found(aPerson({ dateOfBirth: '2015-03-04', givenName: 'Bill' }), aPerson());
    expect(keys).toContain('f:JNS|md:03-04');
    expect(keys.every((key) => key.includes('|md:'))).toBe(true);
  });

  it('find a changed family name by given name and date of birth', () => {
    expect(found(aPerson({ familyName: 'Okafor' }), aPerson())).toContain('g:AM|md:03-04');
  });

  it('find a misspelt family name with a mistyped date of birth, by given name and two parts of the date', () => {
    const keys = found(aPerson({ familyName: 'Jomes', dateOfBirth: '2016-03-07' }), aPerson());
    expect(keys).toEqual(['g:AM|ym:2016-03']);
  });

  it('find a nickname with a changed family name by the formal name and date of birth', () => {
    const keys = found(
      aPerson({ givenName: 'Kasia', familyName: 'Nowak' }),
      aPerson({ givenName: 'Katarzyna' }),
    );
    expect(keys).toContain('k:katarzyna|d:2016-03-04');
  });

  it('find given and family names swapped', () => {
    expect(found(aPerson({ givenName: 'Jones', familyName: 'Amy' }), aPerson())).not.toEqual([]);
  });

  it('find one part of a hyphenated family name', () => {
    expect(
      found(aPerson({ familyName: 'Okafor' }), aPerson({ familyName: 'Jones-Okafor', givenName: 'Zed' })),
    ).toContain('f:AKFR|ym:2016-03');
  });

  it('find a record by its alias', () => {
    const record = aPerson({ givenName: 'Zed', familyName: 'Brown', otherNames: ['Amy Okafor'] });
    expect(found(aPerson({ familyName: 'Okafor' }), record)).toContain('f:AKFR|md:03-04');
  });

  it('find a subject without a date of birth by names alone, nickname included', () => {
    expect(found(aPerson({ dateOfBirth: null }), aPerson())).toContain('n:JNS|AM~a');
    expect(
      found(aPerson({ givenName: 'Bill', dateOfBirth: null }), aPerson({ givenName: 'William' })),
    ).toContain('n:JNS|k:william');
  });

  it('find a record by an identifier alone, whatever else differs', () => {
    const subject = aPerson({
      givenName: 'Zed',
      familyName: 'Brown',
      dateOfBirth: '1999-01-01',
      pncId: '2012/34567X',
    });
    expect(found(subject, aPerson({ pncId: '12/0034567X' }))).toEqual(['pnc:12/0034567X']);
  });

  it('do not find someone of another name and date of birth', () => {
    expect(
      found(aPerson({ givenName: 'Zed', familyName: 'Brown', dateOfBirth: '1999-01-01' }), aPerson()),
    ).toEqual([]);
  });

  it('narrow a short code by the first letter when there is no date to narrow it (Ali is not Ella)', () => {
    const ali = aPerson({ givenName: 'Ali', familyName: 'Khan', dateOfBirth: null });
    expect(found(ali, aPerson({ givenName: 'Aly', familyName: 'Khan' }))).toContain('n:KN~k|AL~a');
    expect(found(ali, aPerson({ givenName: 'Ella', familyName: 'Khan' }))).toEqual([]);
  });

  it('carry the postcode, normalised, to look for a subject without a date of birth at its address', () => {
    expect(recordSearchKeys(aPerson({ address: { postcode: 'cr0 1aa' } }))).toContain('pc:CR01AA');
  });

  it('give the full name normalised for trigram similarity', () => {
    expect(searchName(aPerson({ givenName: 'Zoë', familyName: 'O’Brien' }))).toBe('zoe obrien');
  });
});
