import { nameParts, normaliseName, otherNameVariants } from './name-normalisation';

describe('name normalisation', () => {
  it('drops accents, apostrophes and case, so Zoë O’Brien and ZOE OBRIEN are one name', () => {
    expect(normaliseName('Zoë O’Brien')).toBe('zoe obrien');
    expect(normaliseName('ZOE OBRIEN')).toBe('zoe obrien');
    expect(normaliseName('Zoe\u0301')).toBe(normaliseName('Zo\u00e9'));
  });

  it('reduces letters that do not decompose (Łukasz, Søren) to their plain forms', () => {
    expect(normaliseName('Łukasz')).toBe('lukasz');
    expect(normaliseName('Søren')).toBe('soren');
  });

  it('splits hyphenated and double family names into parts and keeps them run together too', () => {
    expect(nameParts('Smith-Jones')).toEqual(['smith', 'jones', 'smithjones']);
    expect(nameParts('Mc Donald')).toEqual(['mc', 'donald', 'mcdonald']);
  });

  it('never lets a particle such as Al or van stand alone as a name part', () => {
    expect(nameParts('Al-Hassan')).toEqual(['hassan', 'alhassan']);
    expect(nameParts('van der Berg')).toEqual(['berg', 'vanderberg']);
  });

  it('reads a one-word other name as either a given name or a previous family name', () => {
    expect(otherNameVariants('Katie', { givenName: 'Katherine', familyName: 'Smith' })).toEqual([
      { given: 'katie', family: 'smith' },
      { given: 'katherine', family: 'katie' },
    ]);
    expect(otherNameVariants('Katie Brown', { givenName: 'Katherine', familyName: 'Smith' })).toEqual([
      { given: 'katie', family: 'brown' },
    ]);
  });
});
