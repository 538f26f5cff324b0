import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  AgencyRecordKinds,
  agencyNodeDataSourceOptions,
  NdjsonFileSource,
  PostgresQuerySource,
  syncAgencyRecords,
} from '../src';
import { adminPg, testServiceEnv } from '../../../test-support/env';

/**
 * An agency feeds its node from its own system through an adapter (AgencyRecordSource). The two shipped
 * adapters, against the police node's real test database: an NDJSON extract file, and a query against
 * the agency's own PostgreSQL (here a query that makes its rows up, standing in for the agency's view).
 */
const ROLES = ['victim', 'suspect', 'offender', 'witness', 'person-of-concern'];
const KINDS: AgencyRecordKinds = {
  kinds: {
    incident: { label: 'Incident', roles: ROLES },
    crime: { label: 'Crime', roles: ROLES },
    intelligence: { label: 'Intelligence', roles: ROLES, alwaysMashOnly: true },
  },
};
const now = new Date('2026-11-22T10:00:00Z');
const person = (n: number) => ({
  recordId: `SRC-${n}`,
  givenName: 'Synthetic',
  familyName: `Person${n}`,
  otherNames: [],
  dateOfBirth: '2012-04-05',
  gender: 'unknown',
  facts: [
    {
      factId: `SRC-${n}-1`,
      date: '2025-01-02',
      kind: 'incident',
      role: 'witness',
      summary: 'Synthetic incident',
      classification: 'shareable',
      severity: 'amber',
    },
  ],
});

describe('agency record sources (real database)', () => {
  let dataSource: DataSource;
  const env = testServiceEnv('police-checks');
  const count = async () =>
    Number(
      (await dataSource.query(`SELECT count(*) AS n FROM agency_people WHERE record_id LIKE 'SRC-%'`))[0].n,
    );

  beforeAll(async () => {
    const admin = await adminPg('police-checks');
    await admin.query(`DELETE FROM agency_people WHERE record_id LIKE 'SRC-%'`);
    await admin.end();
    dataSource = await new DataSource(
      agencyNodeDataSourceOptions('police-checks', env.DATABASE_URL),
    ).initialize();
  });
  afterAll(() => dataSource?.destroy());

  it('loads an NDJSON extract file in batches, and loading it again changes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mash-source-')), 'extract.ndjson');
    writeFileSync(file, Array.from({ length: 25 }, (_, n) => JSON.stringify(person(n))).join('\n') + '\n');
    await expect(syncAgencyRecords(dataSource, new NdjsonFileSource(file), KINDS, now, 10)).resolves.toEqual({
      imported: 25,
      batches: 3,
    });
    await syncAgencyRecords(dataSource, new NdjsonFileSource(file), KINDS, now, 10);
    expect(await count()).toBe(25);
  });

  it('reads people from a query against the agency’s own database', async () => {
    const query = `SELECT json_build_object('recordId', 'SRC-Q' || g, 'givenName', 'Queried', 'familyName', 'Person' || g,
                     'dateOfBirth', '2013-06-07', 'facts', json_build_array()) AS person
                   FROM generate_series(1, 7) AS g`;
    await expect(
      syncAgencyRecords(dataSource, new PostgresQuerySource(env.DATABASE_URL, query), KINDS, now),
    ).resolves.toEqual({
      imported: 7,
      batches: 1,
    });
    expect(await count()).toBe(32);
  });

  it('stops at a bad batch, naming the line across the whole source, with that batch not stored', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mash-source-')), 'bad.ndjson');
    const lines = Array.from({ length: 15 }, (_, n) => person(100 + n)) as Array<Record<string, unknown>>;
    lines[12] = { ...lines[12], dateOfBirth: '2012-02-30' };
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    const failure = await syncAgencyRecords(dataSource, new NdjsonFileSource(file), KINDS, now, 10).catch(
      (error) => error,
    );
    expect(failure.violations).toEqual([expect.objectContaining({ line: 13, field: 'dateOfBirth' })]);
    // The first batch of ten was good and is kept; the batch holding line 13 is not.
    expect(await count()).toBe(42);
  });
});
