import { isValidNhsNumber } from '../identifier-match';
import {
  householdQueries,
  householdsOf,
  queryAbout,
  Random,
  SyntheticPerson,
  syntheticPeople,
} from './synthetic-people';

const sameAddress = (a: SyntheticPerson['address'] | null, b: SyntheticPerson['address'] | null) =>
  JSON.stringify(a) === JSON.stringify(b);

describe('synthetic people for the matching evaluation', () => {
  const people = [...syntheticPeople(20261126, 20_000)];

  it('draws the same people from the same seed, and others from another', () => {
    expect([...syntheticPeople(20261126, 50)]).toEqual(people.slice(0, 50));
    expect([...syntheticPeople(7, 50)]).not.toEqual(people.slice(0, 50));
  });

  it('gives NHS numbers that pass their check digit', () => {
    const numbers = people.map((person) => person.nhsNumber).filter((n): n is string => !!n);
    expect(numbers.length).toBeGreaterThan(people.length * 0.6);
    expect(numbers.every((n) => isValidNhsNumber(n))).toBe(true);
  });

  it('leaves about one record in five at an old address, mostly a household’s records together', () => {
    const stale = people.filter((person) => !sameAddress(person.address, person.home));
    expect(stale.length / people.length).toBeGreaterThan(0.15);
    expect(stale.length / people.length).toBeLessThan(0.27);
    // A stale record shares its old address with another member of its household far more often than
    // chance would (each address is drawn at random among hundreds of thousands).
    let shared = 0;
    for (const members of [...householdsOf(people)])
      for (const person of members)
        if (
          !sameAddress(person.address, person.home) &&
          members.some((other) => other !== person && sameAddress(other.address, person.address))
        )
          shared++;
    expect(shared / stale.length).toBeGreaterThan(0.6);
  });

  it('asks about a household with one referral address for all of it, and a family’s move as every subject’s error', () => {
    const random = new Random(1);
    const families = [...householdsOf(people)].filter((members) => members.length >= 3);
    let moved = 0;
    for (const members of families.slice(0, 400)) {
      const queries = householdQueries(random, members, true);
      expect(new Set(queries.map((query) => JSON.stringify(query.subject.address))).size).toBe(1);
      const movedErrors = queries.filter((query) => query.errors.includes('moved-address')).length;
      expect([0, queries.length]).toContain(movedErrors);
      if (movedErrors) {
        moved++;
        expect(sameAddress(queries[0].subject.address, members[0].home)).toBe(false);
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('asks about one person with no identifier unless the error is an identifier given', () => {
    const random = new Random(2);
    for (const person of people.slice(0, 500)) {
      const query = queryAbout(random, person, true);
      const identified = !!(query.subject.nhsNumber || query.subject.upn || query.subject.pncId);
      expect(identified).toBe(query.errors.includes('identifier-given'));
      expect(query.truth).toBe(person.recordId);
    }
  });
});
