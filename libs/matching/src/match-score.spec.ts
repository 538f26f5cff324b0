import { aPerson } from './testing/matching-factories';
import {
  addHouseholdEvidence,
  decideAmongCandidates,
  HOUSEHOLD_WEIGHT,
  MATCH_LINE,
  mayReachPossibleMatch,
  POSSIBLE_MATCH_LINE,
  PersonToMatch,
  ScoredRecord,
  scoreCandidate,
  scoreFromWeight,
} from './match-score';

const subject = aPerson();
const score = (record: Partial<PersonToMatch>, from: PersonToMatch = subject) =>
  scoreCandidate(from, aPerson(record));
const scored = (recordId: string, record: PersonToMatch, from: PersonToMatch = subject): ScoredRecord => ({
  recordId,
  record,
  ...scoreCandidate(from, record),
});

describe('match score', () => {
  it('makes exact names and date of birth a match', () => {
    expect(score({})).toMatchObject({
      confidence: 'match',
      reasons: expect.arrayContaining(['date of birth agrees']),
    });
  });

  it('makes a nickname with the family name and date of birth a match, saying so', () => {
    const result = score({ givenName: 'William' }, aPerson({ givenName: 'Bill' }));
    expect(result.confidence).toBe('match');
    expect(result.reasons).toContain('given name is a short form or other form of the same name');
  });

  it('leaves a one-letter slip in a short given name to a practitioner (Ada for Ava)', () => {
    expect(score({ givenName: 'Ava' }, aPerson({ givenName: 'Ada' })).confidence).toBe('possible-match');
  });

  it('makes a one-letter typing slip in the family name a match, with its similarity', () => {
    const result = score({ familyName: 'Kowalski' }, aPerson({ familyName: 'Kowalsky' }));
    expect(result.confidence).toBe('match');
    expect(result.reasons.join(';')).toMatch(/family name (sounds alike|spelt similarly) \(0\.\d\d\)/);
  });

  it('makes a phonetic misspelling of the family name a match (Smyth for Smith)', () => {
    const result = score({ familyName: 'Smith' }, aPerson({ familyName: 'Smyth' }));
    expect(result.confidence).toBe('match');
    expect(result.reasons).toContain('family name sounds alike (0.89)');
  });

  it('finds given and family names swapped', () => {
    const result = score({}, aPerson({ givenName: 'Jones', familyName: 'Amy' }));
    expect(result.confidence).toBe('match');
    expect(result.reasons).toContain('given and family names swapped');
  });

  it('finds one part of a hyphenated family name', () => {
    const result = score({ familyName: 'Jones-Okafor' });
    expect(result.confidence).toBe('match');
    expect(result.reasons).toContain('family name agrees with one part of a hyphenated or double name');
  });

  it('finds a person by an other name (alias) on the record', () => {
    const result = score({ givenName: 'Amelia', familyName: 'Brown', otherNames: ['Amy Jones'] });
    expect(result.confidence).toBe('match');
    expect(result.reasons).toContain('names agree with an other name (alias or previous name) on the record');
  });

  it('makes day and month transposed a possible match for a practitioner to confirm', () => {
    const result = score({ dateOfBirth: '2016-04-03' });
    expect(result.confidence).toBe('possible-match');
    expect(result.reasons).toContain('date of birth day and month transposed');
  });

  it('makes a date of birth one digit out a possible match', () => {
    const result = score({ dateOfBirth: '2016-03-07' });
    expect(result.confidence).toBe('possible-match');
    expect(result.reasons).toContain('date of birth differs by one digit or one year');
  });

  it('never makes a subject without a date of birth a match on names alone', () => {
    const result = score({}, aPerson({ dateOfBirth: null }));
    expect(result.confidence).toBe('possible-match');
    expect(result.reasons).toContain('no date of birth to compare');
  });

  it('drops a record whose date of birth differs', () => {
    expect(score({ dateOfBirth: '2013-09-21' }).confidence).toBeNull();
  });

  it('drops a twin: same family name, date of birth and address, a different given name', () => {
    const result = score({ givenName: 'Grace' });
    expect(result.confidence).toBeNull();
    expect(result.reasons).toContain('given name differs');
  });

  it('settles a match on an agreeing NHS number even without a date of birth', () => {
    const result = score(
      { nhsNumber: '9434765919' },
      aPerson({ givenName: 'Amie', dateOfBirth: null, nhsNumber: '943 476 5919' }),
    );
    expect(result.confidence).toBe('match');
    expect(result.reasons).toContain('NHS number agrees');
  });

  it('never auto-matches a record whose valid NHS number differs, even on exact names and date of birth', () => {
    const result = score({ nhsNumber: '4010232137' }, aPerson({ nhsNumber: '9434765919' }));
    expect(result.confidence).toBe('possible-match');
    expect(result.reasons).toContain('NHS number differs');
  });

  it('counts the postcode as supporting evidence', () => {
    const moved = score({ address: { postcode: 'SE1 7PB' } });
    const stayed = score({});
    expect(stayed.weight).toBeGreaterThan(moved.weight);
    expect(stayed.reasons).toContain('address and postcode agree');
  });

  it('counts a different recorded sex against', () => {
    const result = score({ gender: 'male' });
    expect(result.reasons).toContain('recorded sex differs');
    expect(result.weight).toBeLessThan(score({}).weight);
  });

  it('never puts a name, date or address in its reasons', () => {
    const reasons = [
      ...score(
        { givenName: 'William', familyName: 'Smyth-Jones', dateOfBirth: '2016-04-03' },
        aPerson({ givenName: 'Bill' }),
      ).reasons,
      ...score({ nhsNumber: '9434765919' }, aPerson({ nhsNumber: '9434765919' })).reasons,
    ].join(' ');
    for (const value of ['amy', 'jones', 'bill', 'william', 'smyth', '2016', 'CR0', 'High', '9434765919'])
      expect(reasons.toLowerCase()).not.toContain(value.toLowerCase());
  });

  it('spares scoring the names of a record born on another date with no identifier agreeing', () => {
    expect(mayReachPossibleMatch(subject, aPerson({ dateOfBirth: '2013-09-21' }))).toBe(false);
    expect(mayReachPossibleMatch(subject, aPerson({ dateOfBirth: '2016-04-03' }))).toBe(true);
    expect(mayReachPossibleMatch(subject, aPerson({ dateOfBirth: null }))).toBe(true);
    const identified = aPerson({ nhsNumber: '9434765919' });
    expect(
      mayReachPossibleMatch(identified, aPerson({ dateOfBirth: '2013-09-21', nhsNumber: '9434765919' })),
    ).toBe(true);
  });

  it('maps the possible-match line to a score of 0.5 and the match line to 0.9', () => {
    expect(scoreFromWeight(POSSIBLE_MATCH_LINE)).toBe(0.5);
    expect(scoreFromWeight(MATCH_LINE)).toBe(0.9);
    expect(scoreFromWeight(40)).toBeLessThanOrEqual(1);
    expect(scoreFromWeight(-40)).toBeGreaterThanOrEqual(0);
  });
});

describe('deciding among one subject’s candidates', () => {
  it('keeps a rare name without a date of birth as a possible match', () => {
    const subject = aPerson({ dateOfBirth: null, address: null });
    const [only] = decideAmongCandidates([scored('P-1', aPerson(), subject)]);
    expect(only.confidence).toBe('possible-match');
  });

  it('drops a common name without a date of birth unless something else agrees', () => {
    const subject = aPerson({ dateOfBirth: null, address: { postcode: 'CR0 1AA' } });
    const records = Array.from({ length: 32 }, (_, n) =>
      scored(
        `P-${n}`,
        aPerson({ dateOfBirth: `19${50 + n}-01-02`, address: { postcode: n ? 'SE1 7PB' : 'CR0 1AA' } }),
        subject,
      ),
    );
    const decided = decideAmongCandidates(records);
    expect(
      decided.filter((candidate) => candidate.confidence).map((candidate) => candidate.recordId),
    ).toEqual(['P-0']);
    expect(decided[1].reasons).toContain(
      '31 other record(s) agree on the names too, with no date of birth to tell them apart',
    );
  });

  it('demotes a sibling whose given name is only close to the subject’s when the exact one is there', () => {
    const subject = aPerson({ givenName: 'Katherine' });
    const decided = decideAmongCandidates([
      scored('KATHERINE', aPerson({ givenName: 'Katherine' }), subject),
      scored('CATHERINE', aPerson({ givenName: 'Catherine' }), subject),
    ]);
    expect(decided.map((candidate) => candidate.confidence)).toEqual(['match', 'possible-match']);
    expect(decided[1].reasons).toContain(
      'another record with the same family name and date of birth agrees more closely on the given name',
    );
  });

  it('drops a namesake whose date of birth is one digit out when the subject’s own record matches', () => {
    const subject = aPerson({ address: null });
    const decided = decideAmongCandidates([
      scored('AMY', aPerson(), subject),
      scored('NAMESAKE', aPerson({ dateOfBirth: '2016-03-07', address: { postcode: 'SE1 7PB' } }), subject),
    ]);
    expect(decided.map((candidate) => candidate.confidence)).toEqual(['match', null]);
  });

  it('keeps a record one digit out at the same postcode beside a match: it may be a duplicate record', () => {
    const subject = aPerson();
    const decided = decideAmongCandidates([
      scored('AMY', aPerson(), subject),
      scored('AMY-AGAIN', aPerson({ dateOfBirth: '2016-03-07' }), subject),
    ]);
    expect(decided.map((candidate) => candidate.confidence)).toEqual(['match', 'possible-match']);
  });

  it('never auto-matches when two records fit the subject about as well (namesakes born on one day)', () => {
    const subject = aPerson({ address: null });
    const decided = decideAmongCandidates([
      scored('AMY-1', aPerson(), subject),
      scored('AMY-2', aPerson({ address: { postcode: 'SE1 7PB' } }), subject),
    ]);
    expect(decided.map((candidate) => candidate.confidence)).toEqual(['possible-match', 'possible-match']);
    expect(decided[0].reasons).toContain('another record fits the subject almost as well');
  });

  it('never auto-matches a near namesake born on the date as given beside the subject’s record with day and month transposed', () => {
    const from = aPerson({
      givenName: 'Emilia',
      familyName: 'Edwards',
      dateOfBirth: '2016-11-06',
      address: null,
    });
    const namesake = scored(
      'P-EMILY',
      aPerson({ givenName: 'Emily', familyName: 'Edwards', dateOfBirth: '2016-11-06' }),
      from,
    );
    const transposed = scored(
      'P-EMILIA',
      aPerson({ givenName: 'Emilia', familyName: 'Edwards', dateOfBirth: '2016-06-11' }),
      from,
    );
    expect(namesake.confidence).toBe('match');
    const decided = decideAmongCandidates([namesake, transposed]);
    expect(decided.map(({ recordId, confidence }) => ({ recordId, confidence }))).toEqual([
      { recordId: 'P-EMILY', confidence: 'possible-match' },
      { recordId: 'P-EMILIA', confidence: 'possible-match' },
    ]);
  });

  it('keeps a match that stands well above the other candidates', () => {
    const subject = aPerson();
    const decided = decideAmongCandidates([
      scored('AMY-HOME', aPerson(), subject),
      scored('AMY-ELSEWHERE', aPerson({ givenName: 'Aimee', address: { postcode: 'SE1 7PB' } }), subject),
    ]);
    expect(decided[0].confidence).toBe('match');
  });

  it('counts a record’s age against a subject without a date of birth who is a child', () => {
    const subject = aPerson({ dateOfBirth: null, role: 'child' });
    const asOf = new Date('2026-11-26T09:00:00Z');
    const adult = scoreCandidate(subject, aPerson({ dateOfBirth: '1980-01-01' }), asOf);
    const child = scoreCandidate(subject, aPerson(), asOf);
    expect(adult.reasons).toContain('the record’s age does not fit the subject being a child or an adult');
    expect(adult.weight).toBeLessThan(child.weight);
  });

  it('counts a record’s age in the band next to the subject’s role against it, less than a contradicting age', () => {
    const subject = aPerson({ dateOfBirth: null, role: 'child' });
    const asOf = new Date('2026-11-26T09:00:00Z');
    const child = scoreCandidate(subject, aPerson(), asOf);
    const nineteen = scoreCandidate(subject, aPerson({ dateOfBirth: '2007-06-01' }), asOf);
    const adult = scoreCandidate(subject, aPerson({ dateOfBirth: '1980-01-01' }), asOf);
    expect(nineteen.reasons).toContain(
      'the record’s age is unusual for the subject being a child or an adult',
    );
    expect(nineteen.weight).toBeLessThan(child.weight);
    expect(nineteen.weight).toBeGreaterThan(adult.weight);
    const adultSubject = aPerson({ dateOfBirth: null, role: 'adult' });
    expect(
      scoreCandidate(adultSubject, aPerson({ dateOfBirth: '2010-01-01' }), asOf).evidence.ageForRole,
    ).toBe('unlikely');
    expect(scoreCandidate(adultSubject, aPerson(), asOf).evidence.ageForRole).toBe('contradicts');
  });

  it('drops a candidate eight times less likely than the best with nothing but the names tying it to the subject', () => {
    const elsewhere = { line1: '9 Mill Lane', town: 'Leeds', postcode: 'LS1 4AP' };
    const decided = decideAmongCandidates([
      scored('AMY-HOME', aPerson({ dateOfBirth: '2016-03-05' })),
      scored('AMY-ELSEWHERE', aPerson({ dateOfBirth: '2016-03-05', address: elsewhere })),
    ]);
    expect(decided.map((candidate) => candidate.confidence)).toEqual(['possible-match', null]);
  });

  it('keeps a candidate within the margin of the best', () => {
    const elsewhere = { line1: '9 Mill Lane', town: 'Leeds', postcode: 'LS1 4AP' };
    const decided = decideAmongCandidates([
      scored('AMY-NO-ADDRESS', aPerson({ dateOfBirth: '2016-03-05', address: null })),
      scored('AMY-ELSEWHERE', aPerson({ dateOfBirth: '2016-03-05', address: elsewhere })),
    ]);
    expect(decided.map((candidate) => candidate.confidence)).toEqual(['possible-match', 'possible-match']);
  });

  it('without a date of birth, leaves out a member of the subject’s household whose given name agrees less closely', () => {
    const subject = aPerson({ dateOfBirth: null });
    const decided = decideAmongCandidates([
      scored('AMY', aPerson(), subject),
      scored('AIMEE', aPerson({ givenName: 'Aimee', dateOfBirth: '2012-05-06' }), subject),
    ]);
    expect(decided[1].weight).toBeGreaterThanOrEqual(POSSIBLE_MATCH_LINE - 2);
    expect(decided.map((candidate) => candidate.confidence)).toEqual(['possible-match', null]);
  });
});

describe('the household of a check', () => {
  it('counts a candidate at the address of another subject’s match like the referral’s address, not on top of it', () => {
    const from = aPerson({ dateOfBirth: null, address: null });
    const alone = scored('P-1', aPerson(), from);
    const beside = addHouseholdEvidence(alone);
    expect(beside.weight - alone.weight).toBe(HOUSEHOLD_WEIGHT);
    expect(beside.reasons).toContain('at the address of the record matched for another person of this check');
    const atReferralAddress = scored('P-2', aPerson(), aPerson({ dateOfBirth: null }));
    expect(addHouseholdEvidence(atReferralAddress)).toBe(atReferralAddress);
  });

  it('tells a namesake without a date of birth from the household’s own record', () => {
    const from = aPerson({
      role: 'adult',
      givenName: 'William',
      familyName: 'Jones',
      dateOfBirth: null,
      address: null,
    });
    const ours = scored(
      'P-1',
      aPerson({ givenName: 'William', familyName: 'Jones', dateOfBirth: '1984-11-02' }),
      from,
    );
    const namesake = scored(
      'P-2',
      aPerson({ givenName: 'William', familyName: 'Jones', dateOfBirth: '1979-05-30', address: null }),
      from,
    );
    expect(decideAmongCandidates([ours, namesake]).filter((one) => one.confidence)).toHaveLength(2);
    const decided = decideAmongCandidates([addHouseholdEvidence(ours), namesake]);
    expect(decided.filter((one) => one.confidence).map((one) => one.recordId)).toEqual(['P-1']);
  });
});

describe('an approximate age instead of a date of birth', () => {
  const asOf = new Date('2026-12-04T00:00:00Z');
  // Year 3 in 2026/27.
  const yearThree = { earliest: '2018-09-01', latest: '2019-08-31' };
  const child = aPerson({ dateOfBirth: null, bornBetween: yearThree, address: null, role: 'child' });

  it('counts a record born in the school year given for the subject, and says so', () => {
    const result = scoreCandidate(child, aPerson({ dateOfBirth: '2019-02-01' }), asOf);
    expect(result.confidence).toBe('possible-match');
    expect(result.reasons).toContain('the record’s date of birth fits the approximate age given');
    const withoutAge = scoreCandidate(
      { ...child, bornBetween: null },
      aPerson({ dateOfBirth: '2019-02-01' }),
      asOf,
    );
    expect(result.weight).toBeGreaterThan(withoutAge.weight + 3);
  });

  it('counts a namesake of another age against, so it is not reported', () => {
    const result = scoreCandidate(child, aPerson({ dateOfBirth: '2012-05-01' }), asOf);
    expect(result.confidence).toBeNull();
    expect(result.reasons).toContain('the record’s date of birth does not fit the approximate age given');
  });

  it('counts a record a few months out of the band a little against (an age misjudged)', () => {
    const result = scoreCandidate(child, aPerson({ dateOfBirth: '2019-11-01' }), asOf);
    expect(result.reasons).toContain(
      'the record’s date of birth is within a year of the approximate age given',
    );
    expect(result.confidence).toBe('possible-match');
  });

  it('is never an automatic match on names and an age', () => {
    const result = scoreCandidate(
      { ...child, address: aPerson().address },
      aPerson({ dateOfBirth: '2019-02-01' }),
      asOf,
    );
    expect(result.weight).toBeGreaterThanOrEqual(MATCH_LINE);
    expect(result.confidence).toBe('possible-match');
  });

  it('tells the namesake of the right age from the others beside it', () => {
    const records = ['2019-02-01', '2012-05-01', '2009-03-03'].map((dateOfBirth, index) => ({
      recordId: `R-${index}`,
      record: aPerson({ dateOfBirth }),
      ...scoreCandidate(child, aPerson({ dateOfBirth }), asOf),
    }));
    const reported = decideAmongCandidates(records).filter((one) => one.confidence);
    expect(reported.map((one) => one.recordId)).toEqual(['R-0']);
  });
});

describe('a changed family name', () => {
  it('makes the same given name, date of birth and address with a wholly different family name a possible match, saying why', () => {
    const result = score({ familyName: 'Okafor' });
    expect(result.confidence).toBe('possible-match');
    expect(result.reasons.join(';')).toMatch(/perhaps a changed family name/);
  });

  it('does the same with a nickname (Kasia for Katarzyna)', () => {
    const result = scoreCandidate(
      aPerson({ givenName: 'Kasia', familyName: 'Nowak' }),
      aPerson({ givenName: 'Katarzyna', familyName: 'Brown' }),
    );
    expect(result.confidence).toBe('possible-match');
  });

  it('does not for a namesake born the same day at another address', () => {
    const result = score({ familyName: 'Okafor', address: { line1: '9 Low Road', postcode: 'SE1 7PB' } });
    expect(result.confidence).toBeNull();
  });

  it('does not for a different given name at the same address (a sibling)', () => {
    expect(score({ familyName: 'Okafor', givenName: 'Zara' }).confidence).toBeNull();
  });

  it('does for the household: at the address of another subject’s match', () => {
    const away = { address: { line1: '9 Low Road', postcode: 'SE1 7PB' } };
    const candidate = scored('R-1', aPerson({ familyName: 'Okafor', ...away }), aPerson({ address: null }));
    expect(candidate.confidence).toBeNull();
    const beside = addHouseholdEvidence(candidate);
    expect(beside.confidence).toBe('possible-match');
    expect(beside.reasons.join(';')).toMatch(/perhaps a changed family name/);
  });
});
