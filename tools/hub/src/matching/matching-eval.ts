import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { CheckSubject } from '@mash/contracts';
import {
  agencyNodeDataSourceOptions,
  CheckMatcher,
  FoundCandidate,
  nameKey,
  personSearchColumns,
  recordSearchKeys,
} from '@mash/agency-node';
import { ManualClock } from '@mash/platform';
import { adminDatabaseUrl, connectAdmin, resolveProvisionOptions } from '../provisioning';
import {
  anotherFamilyName,
  approximateAgeOf,
  bornBetweenFor,
  EXTRA_QUERY_ERRORS,
  ExtraQueryError,
  householdQueries,
  householdsOf,
  QUERY_ERRORS,
  QueryError,
  queryAbout,
  Random,
  SyntheticPerson,
  SyntheticQuery,
  syntheticPeople,
} from '@mash/matching';

/**
 * `npm run bench:matching -- --people 1000000 --queries 2000`: the matching evaluation. Loads synthetic
 * people with known truth (synthetic-people.ts) into its own database (`mash_bench_matching`, made with
 * the PostgreSQL admin of PG_ADMIN_URL) by COPY, then runs queries carrying realistic errors, and queries
 * about people not in the data, through the node's own CheckMatcher (the SQL candidate search and the
 * scoring), and prints recall, precision and the time per subject. It prints figures; it asserts nothing.
 *
 * A loaded database is reused when it holds the same people with the same search keys; `--reload`
 * loads it again. `--explain` prints each missed or wrongly found query (synthetic names only).
 *
 * By default each check asks about one subject. `--households` asks as a MASH check does, about a
 * household: the person drawn and everyone of their household (parents and children), each with errors
 * of their own, in one call, so that the matcher can use what it found for one subject as evidence for
 * another; every subject of every check is counted.
 */
const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20261126' },
    'unknown-share': { type: 'string', default: '0.15' },
    database: { type: 'string', default: 'mash_bench_matching' },
    reload: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    households: { type: 'boolean', default: false },
    ages: { type: 'boolean', default: false },
    'changed-names': { type: 'boolean', default: false },
  },
});
const PEOPLE = Number(values.people);
const QUERIES = Number(values.queries);
const SEED = Number(values.seed);
const UNKNOWN_SHARE = Number(values['unknown-share']);
const WARM_UP = 100;
const IMPORTED_AT = '2026-11-26T00:00:00Z';
/** The day the checks are made: the synthetic people's ages are worked out on it. */
const AS_OF = new Date('2026-11-26T09:00:00Z');

function ageOn(dateOfBirth: string, day: Date): number {
  const [year, month, date] = dateOfBirth.split('-').map(Number);
  const had = day.getUTCMonth() + 1 > month || (day.getUTCMonth() + 1 === month && day.getUTCDate() >= date);
  return day.getUTCFullYear() - year - (had ? 0 : 1);
}

async function main(): Promise<void> {
  const { pgAdminUrl } = resolveProvisionOptions();
  const database = values.database!;
  const fingerprint = keysFingerprint();
  const reuse = !values.reload && (await alreadyLoaded(pgAdminUrl, database, fingerprint));
  if (!reuse) {
    // A fresh database each load: its migrations make every index, whatever a stopped load left.
    const admin = await connectAdmin(pgAdminUrl);
    const ident = admin.escapeIdentifier(database);
    await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${ident} ENCODING 'UTF8' TEMPLATE template0`);
    await admin.end();
  }
  const url = adminDatabaseUrl(pgAdminUrl, database);
  const dataSource = await new DataSource({
    ...agencyNodeDataSourceOptions('police-checks', url),
    extra: { max: 2 },
  }).initialize();
  await dataSource.runMigrations();
  let load: LoadFigures | null = null;
  if (!reuse) {
    load = await loadPeople(url);
    await dataSource.query(`CREATE TABLE bench_matching_loaded (people int, seed int, keys text)`);
    await dataSource.query(`INSERT INTO bench_matching_loaded VALUES ($1, $2, $3)`, [
      PEOPLE,
      SEED,
      fingerprint,
    ]);
  } else console.log(`reusing ${database}: ${PEOPLE} people already loaded with the current search keys`);

  const checks = makeChecks();
  if (values.ages || values['changed-names']) withExtraErrors([...checks.warmUp, ...checks.measured]);
  const matcher = new CheckMatcher(new ManualClock(AS_OF));
  // Each a child or an adult of the household, as triage would ask, by the person's real age.
  const subjectsOf = (check: SyntheticQuery[]): CheckSubject[] => {
    const counts = { child: 0, adult: 0 };
    return check.map((query) => {
      const role = ageOn(query.person.dateOfBirth, AS_OF) < 18 ? 'child' : 'adult';
      return { subjectId: `${role}-${counts[role]++}`, role, ...query.subject };
    });
  };
  for (const check of checks.warmUp) await matcher.findCandidates(dataSource.manager, subjectsOf(check));

  const results: Result[] = [];
  const alone: Result[] = [];
  const checkTimes: number[] = [];
  for (const check of checks.measured) {
    const subjects = subjectsOf(check);
    const started = performance.now();
    const candidates = await matcher.findCandidates(dataSource.manager, subjects);
    const ms = performance.now() - started;
    checkTimes.push(ms);
    check.forEach((query, index) =>
      results.push({
        query,
        candidates: candidates.filter((candidate) => candidate.subjectId === subjects[index].subjectId),
        ms: ms / check.length,
      }),
    );
    // The same subjects asked about one at a time (untimed): what the household added.
    if (values.households)
      for (const [index, query] of check.entries())
        alone.push({
          query,
          candidates: await matcher.findCandidates(dataSource.manager, [subjects[index]]),
          ms: 0,
        });
  }
  const [{ size }] = await dataSource.query(
    `SELECT pg_size_pretty(pg_total_relation_size('agency_people')) AS size`,
  );
  await dataSource.destroy();
  report(results, checkTimes, load, size, alone);
}

interface Result {
  query: SyntheticQuery;
  candidates: FoundCandidate[];
  /** The time of the subject's check, shared among its subjects. */
  ms: number;
}

/** Whether the database holds these people with these search keys, completely loaded. */
async function alreadyLoaded(pgAdminUrl: string, database: string, fingerprint: string): Promise<boolean> {
  const admin = await connectAdmin(pgAdminUrl);
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
  await admin.end();
  if (!exists) return false;
  const client = await connectAdmin(pgAdminUrl, database);
  try {
    const { rows } = await client
      .query(
        `SELECT people, seed, keys FROM bench_matching_loaded WHERE to_regclass('bench_matching_loaded') IS NOT NULL`,
      )
      .catch(() => ({ rows: [] as Array<{ people: number; seed: number; keys: string }> }));
    return (
      rows.length === 1 && rows[0].people === PEOPLE && rows[0].seed === SEED && rows[0].keys === fingerprint
    );
  } finally {
    await client.end();
  }
}

/** Changes whenever the people or their search keys would: a database loaded with others is loaded again. */
function keysFingerprint(): string {
  const hash = createHash('sha256');
  // The people too: a change to the generator that leaves the keys alone must load them again.
  for (const person of syntheticPeople(SEED, 500))
    hash.update(JSON.stringify(person)).update(JSON.stringify(recordSearchKeys(person)));
  return hash.digest('hex').slice(0, 16);
}

interface LoadFigures {
  copySeconds: number;
  indexSeconds: number;
}

async function loadPeople(url: string): Promise<LoadFigures> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`TRUNCATE agency_people CASCADE`);
    // Indexes are dropped for the load and made again after it, from their own definitions.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'agency_people' AND indexname <> 'agency_people_pkey'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${client.escapeIdentifier(index.indexname)}`);
    const started = performance.now();
    const copy = client.query(
      copyFrom(`COPY agency_people (record_id, given_name, family_name, other_names, given_name_key, family_name_key,
                date_of_birth, gender, address, nhs_number, upn, pnc_id, imported_at, search_keys, search_name) FROM STDIN`),
    );
    await pipeline(Readable.from(copyLines()), copy);
    const copySeconds = (performance.now() - started) / 1000;
    console.log(`loaded ${PEOPLE} people by COPY in ${copySeconds.toFixed(0)} s`);
    const indexing = performance.now();
    await client.query(`SET maintenance_work_mem = '1GB'`);
    for (const index of indexes) await client.query(index.indexdef);
    await client.query(`VACUUM ANALYZE agency_people`);
    const indexSeconds = (performance.now() - indexing) / 1000;
    console.log(`indexed in ${indexSeconds.toFixed(0)} s`);
    return { copySeconds, indexSeconds };
  } finally {
    await client.end();
  }
}

function* copyLines(): Generator<string> {
  let batch: string[] = [];
  for (const person of syntheticPeople(SEED, PEOPLE)) {
    const { searchKeys, searchName } = personSearchColumns(person);
    batch.push(
      [
        person.recordId,
        person.givenName,
        person.familyName,
        JSON.stringify(person.otherNames),
        nameKey(person.givenName),
        nameKey(person.familyName),
        person.dateOfBirth,
        person.gender,
        JSON.stringify(person.address),
        person.nhsNumber,
        person.upn,
        person.pncId,
        IMPORTED_AT,
        `{${searchKeys.map((key) => `"${key.replace(/["\\]/g, '\\$&')}"`).join(',')}}`,
        searchName,
      ]
        .map(copyField)
        .join('\t'),
    );
    if (batch.length === 2_000) {
      yield batch.join('\n') + '\n';
      batch = [];
    }
  }
  if (batch.length) yield batch.join('\n') + '\n';
}

function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Checks about people drawn at random from the loaded ones, and about people from outside the data:
 * one subject each, or with `--households` the person and everyone of their household. QUERIES counts
 * subjects, so the two modes score about as many.
 */
function makeChecks(): { warmUp: SyntheticQuery[][]; measured: SyntheticQuery[][] } {
  const random = new Random(SEED + 1);
  const households = values.households;
  // Households average about three people: draw enough of them for QUERIES subjects.
  const draws = Math.ceil((QUERIES + WARM_UP) / (households ? 2.9 : 1));
  const unknown = Math.round((households ? draws : QUERIES) * UNKNOWN_SHARE);
  const wanted = new Map<number, number>();
  while (wanted.size < Math.min(PEOPLE, draws - unknown)) {
    const drawn = random.int(0, PEOPLE - 1);
    if (!wanted.has(drawn)) wanted.set(drawn, wanted.size);
  }
  const known: SyntheticPerson[][] = new Array(wanted.size);
  const outsiders: SyntheticPerson[][] = [];
  if (households) {
    let index = 0;
    for (const members of householdsOf(syntheticPeople(SEED, PEOPLE)))
      for (let member = 0; member < members.length; member++) {
        const slot = wanted.get(index++);
        if (slot !== undefined) known[slot] = members;
      }
    // Two draws into one household make one check of it.
    const seen = new Set<SyntheticPerson[]>();
    for (let slot = 0; slot < known.length; slot++)
      if (seen.has(known[slot])) known[slot] = [];
      else seen.add(known[slot]);
    for (const members of householdsOf(syntheticPeople(SEED + 2, Number.MAX_SAFE_INTEGER, 'X'))) {
      outsiders.push(members);
      if (outsiders.length === unknown) break;
    }
  } else {
    let index = 0;
    for (const person of syntheticPeople(SEED, PEOPLE)) {
      const slot = wanted.get(index++);
      if (slot !== undefined) known[slot] = [person];
    }
    // Outsiders come from the same kind of households, so they share names with the people loaded.
    for (const person of syntheticPeople(SEED + 2, unknown, 'X')) outsiders.push([person]);
  }
  // A household's referral gives one address for all its members; a single subject's gives its own.
  const queries = (members: SyntheticPerson[], truth: boolean): SyntheticQuery[] =>
    households ? householdQueries(random, members, truth) : [queryAbout(random, members[0], truth)];
  const checks = [
    ...known.filter((members) => members.length).map((members) => queries(members, true)),
    ...outsiders.map((members) => queries(members, false)),
  ];
  // Shuffled, so the warm-up and the measured checks are alike.
  for (let i = checks.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [checks[i], checks[j]] = [checks[j], checks[i]];
  }
  const warmUp: SyntheticQuery[][] = [];
  for (const check of checks)
    if (warmUp.reduce((sum, one) => sum + one.length, 0) < WARM_UP && check[0].truth) warmUp.push(check);
  const measured: SyntheticQuery[][] = [];
  for (const check of checks)
    if (!warmUp.includes(check) && measured.reduce((sum, one) => sum + one.length, 0) < QUERIES)
      measured.push(check);
  return { warmUp, measured };
}

/**
 * `--ages`: a child given without a date of birth is given with an approximate age instead (years or
 * school year, with the referrer's own errors: approximateAgeOf), searched as the band of dates of
 * birth triage derives from it. `--changed-names`: one child in ten is given under a wholly different
 * family name. Drawn from a random stream of their own, so the queries are otherwise the same.
 */
function withExtraErrors(checks: SyntheticQuery[][]): void {
  const random = new Random(SEED + 7);
  for (const query of checks.flat()) {
    if (ageOn(query.person.dateOfBirth, AS_OF) >= 18) continue;
    if (values['changed-names'] && random.chance(0.1)) {
      query.subject.familyName = anotherFamilyName(random, query.person.familyName);
      query.errors.push('family-name-changed');
    }
    if (values.ages && !query.subject.dateOfBirth) {
      query.subject.bornBetween = bornBetweenFor(
        approximateAgeOf(random, query.person.dateOfBirth, AS_OF),
        AS_OF,
      );
      query.errors.push('age-given');
    }
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function report(
  results: Result[],
  checkTimes: number[],
  load: LoadFigures | null,
  tableSize: string,
  alone: Result[],
): void {
  const known = results.filter((result) => result.query.truth);
  const unknown = results.filter((result) => !result.query.truth);
  let truePositives = 0;
  let asMatch = 0;
  let asPossible = 0;
  let falseMatches = 0;
  let falsePossible = 0;
  let candidates = 0;
  let householdHelped = 0;
  const byError = new Map<QueryError | ExtraQueryError, { queries: number; found: number; match: number }>(
    [...QUERY_ERRORS, ...EXTRA_QUERY_ERRORS].map((error) => [error, { queries: 0, found: 0, match: 0 }]),
  );
  const explain: string[] = [];
  for (const { query, candidates: found, ms } of results) {
    candidates += found.length;
    const hit = found.find((candidate) => candidate.recordId === query.truth);
    for (const candidate of found)
      if (candidate !== hit) {
        if (candidate.confidence === 'match') falseMatches++;
        else falsePossible++;
      }
    if (hit) {
      truePositives++;
      if (hit.reasons.some((reason) => reason.includes('another person of this check'))) householdHelped++;
      if (hit.confidence === 'match') asMatch++;
      else asPossible++;
    }
    if (query.truth)
      for (const error of query.errors) {
        const row = byError.get(error)!;
        row.queries++;
        if (hit) row.found++;
        if (hit?.confidence === 'match') row.match++;
      }
    const slow = ms > 100;
    if (values.explain && (slow || (query.truth && !hit) || found.some((candidate) => candidate !== hit)))
      explain.push(
        `${slow ? 'SLOW ' : ''}${query.truth ? (hit ? 'EXTRA' : 'MISSED') : 'UNKNOWN'} ${query.errors.join('+')} ${ms.toFixed(0)} ms ${JSON.stringify(query.subject)}\n` +
          found
            .map(
              (candidate) =>
                `  ${candidate === hit ? '*' : ' '} ${candidate.recordId} ${candidate.confidence} ${candidate.score} ${candidate.reasons.join('; ')}`,
            )
            .join('\n'),
      );
  }
  const split = (kind: 'date' | 'age' | 'neither' | 'date-or-age') => {
    const part = results.filter((result) => {
      const { dateOfBirth, bornBetween } = result.query.subject;
      if (kind === 'date') return !!dateOfBirth;
      if (kind === 'age') return !dateOfBirth && !!bornBetween;
      if (kind === 'neither') return !dateOfBirth && !bornBetween;
      return !!dateOfBirth || !!bornBetween;
    });
    const found = part.filter((result) => result.candidates.some((c) => c.recordId === result.query.truth));
    const returned = part.reduce((sum, result) => sum + result.candidates.length, 0);
    const knownPart = part.filter((result) => result.query.truth).length;
    return `${part.length} queries: recall ${(found.length / Math.max(1, knownPart)).toFixed(4)}, precision ${(found.length / Math.max(1, returned)).toFixed(4)}`;
  };
  const times = results.map((result) => result.ms).sort((a, b) => a - b);
  const falsePositives = falseMatches + falsePossible;
  const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
  if (explain.length) console.log(explain.join('\n'));
  console.log('');
  line('people loaded', `${PEOPLE.toLocaleString('en-GB')} (agency_people ${tableSize} with indexes)`);
  if (load)
    line(
      'load: generate and COPY / build indexes',
      `${load.copySeconds.toFixed(0)} s / ${load.indexSeconds.toFixed(0)} s`,
    );
  line(
    'queries (about people in the data / not in it)',
    `${results.length} (${known.length} / ${unknown.length})`,
  );
  line(
    'checks',
    `${checkTimes.length} (${values.households ? 'a household each' : 'one subject each'}, ${(results.length / checkTimes.length).toFixed(2)} subjects per check)`,
  );
  line('recall (true record found, match or possible-match)', (truePositives / known.length).toFixed(4));
  line(
    'precision (candidates returned that are the true record)',
    (truePositives / Math.max(1, truePositives + falsePositives)).toFixed(4),
  );
  line('true records found as match / as possible-match', `${asMatch} / ${asPossible}`);
  line('false candidates as match / as possible-match', `${falseMatches} / ${falsePossible}`);
  if (values.households) {
    line('true records found with the household as evidence', `${householdHelped}`);
    const found = (set: Result[]) =>
      set.filter((result) => result.candidates.some((candidate) => candidate.recordId === result.query.truth))
        .length;
    const returned = (set: Result[]) => set.reduce((sum, result) => sum + result.candidates.length, 0);
    line(
      'the same subjects asked about one at a time',
      `recall ${(found(alone) / known.length).toFixed(4)}, precision ${(found(alone) / Math.max(1, returned(alone))).toFixed(4)}`,
    );
  }
  line('  subjects with a date of birth', split('date'));
  if (values.ages) {
    line('  subjects with an approximate age instead', split('age'));
    line('  subjects with a date of birth or an age', split('date-or-age'));
    line('  subjects with neither', split('neither'));
  } else line('  subjects without one', split('neither'));
  line(
    'candidates for people not in the data',
    `${unknown.reduce((sum, result) => sum + result.candidates.length, 0)}`,
  );
  line('candidates per query (mean)', (candidates / results.length).toFixed(2));
  line(
    'search and score per subject',
    `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
  );
  if (values.households) {
    const sorted = [...checkTimes].sort((a, b) => a - b);
    line(
      'search and score per check (all its subjects)',
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
    );
  }
  console.log('\nrecall by error in the query (a query may carry two)');
  for (const [error, row] of byError)
    if (row.queries)
      console.log(
        `  ${error.padEnd(30)} ${String(row.queries).padStart(5)} queries  recall ${(row.found / row.queries).toFixed(3)}  as match ${(row.match / row.queries).toFixed(3)}`,
      );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
