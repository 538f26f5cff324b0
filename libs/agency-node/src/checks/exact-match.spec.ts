import { exactMatchKey, isExactMatch, nameKey } from './exact-match';

const amy = { givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2016-03-04' };

describe('exact matching', () => {
  it('matches the same names and date of birth whatever the case and surrounding spaces', () => {
    expect(isExactMatch(amy, { givenName: ' AMY ', familyName: 'jones', dateOfBirth: '2016-03-04' })).toBe(
      true,
    );
  });

  it('does not match a different date of birth', () => {
    expect(isExactMatch(amy, { ...amy, dateOfBirth: '2016-03-05' })).toBe(false);
  });

  it('does not match a different given name, even a close one', () => {
    expect(isExactMatch(amy, { ...amy, givenName: 'Aimee' })).toBe(false);
    expect(isExactMatch(amy, { ...amy, givenName: 'Amy-Lee' })).toBe(false);
  });

  it('does not match a different family name', () => {
    expect(isExactMatch(amy, { ...amy, familyName: 'Jone' })).toBe(false);
  });

  it('never matches a subject without a date of birth, even on identical names', () => {
    expect(exactMatchKey({ givenName: 'Amy', familyName: 'Jones', dateOfBirth: null })).toBeNull();
    expect(isExactMatch({ givenName: 'Amy', familyName: 'Jones' }, amy)).toBe(false);
  });

  it('does not swap given and family names', () => {
    expect(isExactMatch(amy, { givenName: 'Jones', familyName: 'Amy', dateOfBirth: '2016-03-04' })).toBe(
      false,
    );
  });

  it('stores names for lookup in one canonical form', () => {
    expect(nameKey('  Mary   Ann ')).toBe('mary ann');
    // A composed and a decomposed é are the same letter.
    expect(nameKey('Zoe\u0301')).toBe(nameKey('Zo\u00e9'));
  });
});
