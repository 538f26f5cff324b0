import { recordSearchQuery, recordSearchTerms } from './record-search';

describe("a practitioner's search of the agency's records", () => {
  it('reads an NHS number written with spaces as its stored key', () => {
    expect(recordSearchTerms(' 943 476 5919 ')).toEqual({
      recordId: '943 476 5919',
      identifierKeys: ['nhs:9434765919'],
      name: '',
    });
  });

  it('reads a PNC id with a four-digit year and a UPN in lower case as their stored keys', () => {
    expect(recordSearchTerms('2002/34567x').identifierKeys).toEqual(['pnc:02/0034567X']);
    expect(recordSearchTerms('a123456789012').identifierKeys).toEqual(['upn:A123456789012']);
  });

  it('reads a name as the stored full name is normalised: case, accents, apostrophes and punctuation', () => {
    expect(recordSearchTerms("  O'Brien, ZOË ")).toMatchObject({ identifierKeys: [], name: 'obrien zoe' });
  });

  it('searches by name only with at least two letters', () => {
    expect(recordSearchTerms('P-1').name).toBe('');
    expect(recordSearchQuery(recordSearchTerms('P-1')).sql).not.toContain('search_name');
    expect(recordSearchTerms('Al').name).toBe('al');
  });

  it('always looks the query up as a record id, and as identifier and name only when it reads as one', () => {
    const byName = recordSearchQuery(recordSearchTerms('Siobhan MacDermott'));
    expect(byName.parameters).toEqual(['Siobhan MacDermott', 'siobhan macdermott']);
    expect(byName.sql).toContain('record_id = $1');
    expect(byName.sql).toContain('search_name % $2 OR search_name %> $2');
    expect(byName.sql).not.toContain('search_keys');

    const byNhsNumber = recordSearchQuery(recordSearchTerms('9434765919'));
    expect(byNhsNumber.parameters).toEqual(['9434765919', ['nhs:9434765919']]);
    expect(byNhsNumber.sql).toContain('search_keys && $2::text[]');
    expect(byNhsNumber.sql).not.toContain('search_name %');
  });

  it('asks for one more than it shows, so it can say others were left out', () => {
    expect(recordSearchQuery(recordSearchTerms('Jones')).sql).toMatch(/LIMIT 21\s*$/);
  });
});
