import { aPerson } from './testing/matching-factories';
import { compareFamilyNames, compareGivenNames, namePairings } from './name-similarity';

describe('name similarity', () => {
  it('finds the same name whatever its case, accents and spacing', () => {
    expect(compareGivenNames('Zoë', ' ZOE ').agreement).toBe('exact');
  });

  it('takes a one-letter typing slip as the same name misspelt', () => {
    expect(compareFamilyNames('Walker', 'Wakler').agreement).toBe('similar');
    expect(compareFamilyNames('Patel', 'Pstel').agreement).toBe('similar');
    expect(compareFamilyNames('Kowalski', 'Kowalsky').agreement).not.toBe('different');
  });

  it('takes a phonetic misspelling as sounding alike (Smyth, Smith; Muhammad, Mohammed)', () => {
    expect(compareFamilyNames('Smyth', 'Smith')).toEqual({
      agreement: 'sounds-alike',
      similarity: expect.any(Number),
    });
    expect(compareGivenNames('Muhammad', 'Mohammed').agreement).toBe('sounds-alike');
    expect(compareGivenNames('Stephen', 'Steven').agreement).toBe('sounds-alike');
  });

  it('takes a sound spelt another way that the phonetic codes miss as similar (Hoksha, Hoxha)', () => {
    expect(compareFamilyNames('Hoksha', 'Hoxha').agreement).toBe('similar');
    expect(compareFamilyNames('Griphfiths', 'Griffiths').agreement).toBe('similar');
    expect(compareFamilyNames('James', 'Jones').agreement).toBe('different');
  });

  it('does not take names that only share consonants as alike (John, Jane)', () => {
    expect(compareGivenNames('John', 'Jane').agreement).toBe('different');
  });

  it('takes a one-letter slip in a three-letter name as similar, at its low similarity (Ana, Anz)', () => {
    expect(compareGivenNames('Ana', 'Anz')).toEqual({ agreement: 'similar', similarity: expect.any(Number) });
    expect(compareGivenNames('Ana', 'Anz').similarity).toBeLessThan(0.85);
  });

  it('recognises a nickname (Kasia for Katarzyna)', () => {
    expect(compareGivenNames('Kasia', 'Katarzyna').agreement).toBe('nickname');
  });

  it('recognises a middle name left out', () => {
    expect(compareGivenNames('Amy', 'Amy Louise').agreement).toBe('part');
    expect(compareGivenNames('Louise', 'Amy Louise').agreement).toBe('part');
  });

  it('recognises one part of a hyphenated or double family name', () => {
    expect(compareFamilyNames('Smith', 'Smith-Jones').agreement).toBe('part');
    expect(compareFamilyNames('Jones', 'Smith Jones').agreement).toBe('part');
  });

  it('takes a double family name written with a space or a hyphen as the same name', () => {
    expect(compareFamilyNames('Smith Jones', 'Smith-Jones').agreement).toBe('exact');
    expect(compareFamilyNames('McDonald', 'Mc Donald').agreement).toBe('exact');
  });

  it('recognises a given name given only as an initial', () => {
    expect(compareGivenNames('A', 'Amy').agreement).toBe('initial');
  });

  it('tells different names apart', () => {
    expect(compareFamilyNames('Jones', 'Brown').agreement).toBe('different');
  });

  it('lines names up swapped when given and family names were written the wrong way round', () => {
    const pairings = namePairings(aPerson({ givenName: 'Jones', familyName: 'Amy' }), aPerson());
    expect(pairings.find((pairing) => pairing.route === 'swapped')).toMatchObject({
      given: { agreement: 'exact' },
      family: { agreement: 'exact' },
    });
  });

  it('lines names up with an other name (alias or previous name) on the record', () => {
    const record = aPerson({ givenName: 'Amelia', familyName: 'Brown', otherNames: ['Amy Jones'] });
    const pairings = namePairings(aPerson(), record);
    expect(pairings.find((pairing) => pairing.route === 'record-other-name')).toMatchObject({
      given: { agreement: 'exact' },
      family: { agreement: 'exact' },
    });
  });

  it('lines names up with an other name given in the request', () => {
    const subject = aPerson({ givenName: 'Amelia', familyName: 'Brown', otherNames: ['Amy Jones'] });
    const pairings = namePairings(subject, aPerson());
    expect(pairings.find((pairing) => pairing.route === 'subject-other-name')).toMatchObject({
      given: { agreement: 'exact' },
      family: { agreement: 'exact' },
    });
  });
});
