import { DataSource } from 'typeorm';
import type { CheckSubject, Gender } from '@mash/contracts';
import {
  AgencyRecordKinds,
  agencyNodeDataSourceOptions,
  CheckMatcher,
  FoundCandidate,
  importAgencyRecords,
} from '../src';
import { candidateQuery, recordSearchKeys } from '@mash/matching';
import { AGENCY_PEOPLE } from '../src/records/person-row';
import { adminPg, testServiceEnv } from '../../../test-support/env';

/**
 * The matching engine against the police node's real test database, migrated by the service's own role
 * as provisioning does it: people imported through the import, candidates found by the SQL search and
 * scored. The people are a family and their near neighbours, so each rule is shown finding the right
 * record and leaving the wrong ones out.
 */
// The people carry no facts: matching reads only who they are.
const KINDS: AgencyRecordKinds = { kinds: {} };
const now = new Date('2026-11-22T10:00:00Z');
const home = { line1: '4 Orchard Way', town: 'Croydon', postcode: 'CR0 2AB' };
const people = [
  {
    recordId: 'MATCH-AMY',
    givenName: 'Amy',
    familyName: 'Jones-Okafor',
    dateOfBirth: '2016-03-04',
    gender: 'female',
    address: home,
  },
  // Amy's twin: same family name, date of birth and address.
  {
    recordId: 'MATCH-GRACE',
    givenName: 'Grace',
    familyName: 'Jones-Okafor',
    dateOfBirth: '2016-03-04',
    gender: 'female',
    address: home,
  },
  {
    recordId: 'MATCH-WILLIAM',
    givenName: 'William',
    familyName: 'Jones',
    dateOfBirth: '1984-11-02',
    gender: 'male',
    address: home,
    pncId: '2002/0034567X',
  },
  {
    recordId: 'MATCH-KATARZYNA',
    givenName: 'Katarzyna',
    familyName: 'Nowak',
    otherNames: ['Kate Jones'],
    dateOfBirth: '1988-07-15',
    gender: 'female',
    address: home,
  },
  // Another William Jones, a generation older, elsewhere.
  {
    recordId: 'MATCH-WILLIAM-SENIOR',
    givenName: 'William',
    familyName: 'Jones',
    dateOfBirth: '1957-05-30',
    gender: 'male',
  },
].map((person) => ({ otherNames: [], facts: [], ...person, gender: person.gender as Gender }));

let sequence = 0;
const subject = (overrides: Partial<CheckSubject>): CheckSubject => ({
  subjectId: `child-${sequence++}`,
  role: 'child',
  givenName: 'Amy',
  familyName: 'Jones-Okafor',
  dateOfBirth: '2016-03-04',
  ...overrides,
});

describe('matching against the agency’s records (real database)', () => {
  let dataSource: DataSource;
  const env = testServiceEnv('police-checks');
  const matcher = new CheckMatcher();
  const find = async (
    ...subjects: CheckSubject[]
  ): Promise<Array<Omit<FoundCandidate, 'score' | 'subjectId'>>> =>
    (await matcher.findCandidates(dataSource.manager, subjects))
      .filter((candidate) => candidate.recordId.startsWith('MATCH-'))
      .map(({ recordId, confidence, reasons }) => ({ recordId, confidence, reasons }));

  beforeAll(async () => {
    const admin = await adminPg('police-checks');
    await admin.query(`DELETE FROM agency_people WHERE record_id LIKE 'MATCH-%'`);
    await admin.end();
    dataSource = await new DataSource(
      agencyNodeDataSourceOptions('police-checks', env.DATABASE_URL),
    ).initialize();
    await importAgencyRecords(
      dataSource,
      people.map((person) => JSON.stringify(person)).join('\n'),
      KINDS,
      now,
    );
  });
  afterAll(() => dataSource?.destroy());

  it('has pg_trgm created by the service’s own role, which is no superuser', async () => {
    const [row] = await dataSource.query(
      `SELECT extowner::regrole::text AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
         FROM pg_extension WHERE extname = 'pg_trgm'`,
    );
    expect(row).toEqual({ owner: new URL(env.DATABASE_URL).username, superuser: false });
  });

  it('stores each imported person’s search keys, computed by the same function as the search', async () => {
    const [row] = await dataSource.query(
      `SELECT search_keys, search_name FROM agency_people WHERE record_id = 'MATCH-KATARZYNA'`,
    );
    expect(row.search_keys).toEqual(recordSearchKeys(people[3]));
    expect(row.search_name).toBe('katarzyna nowak');
  });

  it('answers the candidate search from its indexes, not by reading the whole table', async () => {
    const plan = await dataSource.transaction(async (manager) => {
      // On a table this small a full read is cheapest; forbidding it shows the indexes can answer.
      await manager.query(`SET LOCAL enable_seqscan = off`);
      const lines: string[] = [];
      for (const dateOfBirth of ['2016-03-04', null]) {
        const { sql, parameters } = candidateQuery(subject({ dateOfBirth }), AGENCY_PEOPLE);
        const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(`EXPLAIN ${sql}`, parameters);
        lines.push(...rows.map((row) => row['QUERY PLAN']));
      }
      return lines.join('\n');
    });
    expect(plan).toContain('agency_people_search_keys');
    expect(plan).toContain('agency_people_date_of_birth');
    expect(plan).not.toContain('Seq Scan');
  });

  it('finds an exact match of names and date of birth as a match, and not the twin', async () => {
    expect(await find(subject({ familyName: 'Jones-Okafor', address: home }))).toEqual([
      {
        recordId: 'MATCH-AMY',
        confidence: 'match',
        reasons: expect.arrayContaining(['date of birth agrees']),
      },
    ]);
  });

  it('finds one part of a hyphenated family name', async () => {
    expect(await find(subject({ familyName: 'Okafor' }))).toEqual([
      expect.objectContaining({ recordId: 'MATCH-AMY', confidence: 'match' }),
    ]);
  });

  it('finds day and month transposed as a possible match', async () => {
    expect(await find(subject({ dateOfBirth: '2016-04-03' }))).toEqual([
      {
        recordId: 'MATCH-AMY',
        confidence: 'possible-match',
        reasons: expect.arrayContaining(['date of birth day and month transposed']),
      },
    ]);
  });

  it('finds a nickname with a phonetic misspelling of the family name (Bill Jonez) for a practitioner to confirm, not the older namesake', async () => {
    const found = await find(
      subject({ role: 'adult', givenName: 'Bill', familyName: 'Jonez', dateOfBirth: '1984-11-02' }),
    );
    // Two approximate names are not enough to share on without a person confirming.
    expect(found).toEqual([
      expect.objectContaining({ recordId: 'MATCH-WILLIAM', confidence: 'possible-match' }),
    ]);
  });

  it('finds given and family names swapped', async () => {
    const found = await find(
      subject({ givenName: 'Nowak', familyName: 'Katarzyna', dateOfBirth: '1988-07-15' }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        recordId: 'MATCH-KATARZYNA',
        reasons: expect.arrayContaining(['given and family names swapped']),
      }),
    ]);
  });

  it('finds a person by the other name on their record (Kate Jones)', async () => {
    const found = await find(subject({ givenName: 'Kate', familyName: 'Jones', dateOfBirth: '1988-07-15' }));
    expect(found).toEqual([expect.objectContaining({ recordId: 'MATCH-KATARZYNA' })]);
  });

  it('finds a subject without a date of birth by name, as possible matches only', async () => {
    const found = await find(
      subject({ role: 'adult', givenName: 'William', familyName: 'Jones', dateOfBirth: null }),
    );
    expect(
      found
        .map(({ recordId, confidence }) => ({ recordId, confidence }))
        .sort((a, b) => a.recordId.localeCompare(b.recordId)),
    ).toEqual([
      { recordId: 'MATCH-WILLIAM', confidence: 'possible-match' },
      { recordId: 'MATCH-WILLIAM-SENIOR', confidence: 'possible-match' },
    ]);
  });

  it('tells namesakes apart by the age band a referral’s approximate age gives (bornBetween), as a possible match only', async () => {
    const found = await find(
      subject({
        role: 'adult',
        givenName: 'William',
        familyName: 'Jones',
        dateOfBirth: null,
        bornBetween: { earliest: '1983-11-03', latest: '1986-11-02' },
      }),
    );
    expect(found.map(({ recordId, confidence }) => ({ recordId, confidence }))).toEqual([
      { recordId: 'MATCH-WILLIAM', confidence: 'possible-match' },
    ]);
    expect(found[0].reasons).toContain('the record’s date of birth fits the approximate age given');
  });

  it('finds a subject without a date of birth, name misspelt, among the people at its postcode', async () => {
    // Mowak does not sound like Nowak (MK, NK): only the postcode finds her, not the name keys.
    const misspelt = {
      role: 'adult' as const,
      givenName: 'Katarzyna',
      familyName: 'Mowak',
      dateOfBirth: null,
      gender: 'female' as const,
    };
    expect(await find(subject({ ...misspelt, address: home }))).toEqual([
      expect.objectContaining({
        recordId: 'MATCH-KATARZYNA',
        confidence: 'possible-match',
        reasons: expect.arrayContaining(['address and postcode agree']),
      }),
    ]);
    expect(await find(subject({ ...misspelt, address: null }))).toEqual([]);
  });

  it('finds a misspelt family name with a date of birth one digit out, by the given name and two parts of the date', async () => {
    const found = await find(
      subject({ role: 'adult', givenName: 'William', familyName: 'Jomes', dateOfBirth: '1984-11-03' }),
    );
    expect(found).toEqual([
      expect.objectContaining({ recordId: 'MATCH-WILLIAM', confidence: 'possible-match' }),
    ]);
  });

  it('uses the household: an adult without a date of birth or address is told from a namesake by the address of the child’s match', async () => {
    const william = { role: 'adult' as const, givenName: 'William', familyName: 'Jones', dateOfBirth: null };
    const found = await find(
      subject({ subjectId: 'child-amy', address: home }),
      subject({ subjectId: 'adult-william', ...william }),
    );
    expect(found).toEqual([
      expect.objectContaining({ recordId: 'MATCH-AMY', confidence: 'match' }),
      expect.objectContaining({
        recordId: 'MATCH-WILLIAM',
        confidence: 'possible-match',
        reasons: expect.arrayContaining([
          'at the address of the record matched for another person of this check',
        ]),
      }),
    ]);
    // Asked about alone, the two William Joneses cannot be told apart (above).
    expect((await find(subject(william))).map(({ recordId }) => recordId).sort()).toEqual([
      'MATCH-WILLIAM',
      'MATCH-WILLIAM-SENIOR',
    ]);
  });

  it('does not offer another subject’s automatic match as a candidate for a namesake of the same check', async () => {
    // Father and son both William Jones; the son is given with his date of birth, the father without.
    const william = { role: 'adult' as const, givenName: 'William', familyName: 'Jones' };
    const found = await matcher.findCandidates(dataSource.manager, [
      subject({ subjectId: 'adult-son', ...william, dateOfBirth: '1984-11-02' }),
      subject({ subjectId: 'adult-father', ...william, dateOfBirth: null }),
    ]);
    expect(
      found
        .filter(({ recordId }) => recordId.startsWith('MATCH-'))
        .map(({ subjectId, recordId, confidence }) => ({ subjectId, recordId, confidence })),
    ).toEqual([
      { subjectId: 'adult-son', recordId: 'MATCH-WILLIAM', confidence: 'match' },
      { subjectId: 'adult-father', recordId: 'MATCH-WILLIAM-SENIOR', confidence: 'possible-match' },
    ]);
  });

  it('finds a record by its PNC id written another way, whatever the names say', async () => {
    const found = await find(
      subject({ role: 'adult', givenName: 'W', familyName: 'Jones', dateOfBirth: null, pncId: '02/34567x' }),
    );
    expect(found[0]).toEqual(
      expect.objectContaining({
        recordId: 'MATCH-WILLIAM',
        confidence: 'match',
        reasons: expect.arrayContaining(['PNC id agrees']),
      }),
    );
  });

  it('finds nothing for someone the agency does not know', async () => {
    expect(
      await find(subject({ givenName: 'Tobias', familyName: 'Whitfield', dateOfBirth: '2011-09-09' })),
    ).toEqual([]);
  });
});
