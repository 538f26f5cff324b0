import type { PersonToMatch } from '../match-score';

/** A person for the matching rules' tests: a child with a date of birth, an address and no identifiers. */
export function aPerson(overrides: Partial<PersonToMatch> = {}): PersonToMatch {
  return {
    givenName: 'Amy',
    familyName: 'Jones',
    otherNames: [],
    dateOfBirth: '2016-03-04',
    gender: 'female',
    address: { line1: '1 High Street', town: 'Croydon', postcode: 'CR0 1AA' },
    nhsNumber: null,
    upn: null,
    pncId: null,
    ...overrides,
  };
}
