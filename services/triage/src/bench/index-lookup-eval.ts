import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { ChildDetails, SocialCareStatus } from '@mash/contracts';
import {
  anotherFamilyName,
  approximateAgeOf,
  householdsOf,
  queryAbout,
  Random,
  SyntheticPerson,
  syntheticPeople,
} from '@mash/matching';
import { triageDataSourceOptions } from '../database/data-source-options';
import { SocialCareIndexLine } from '../social-care-index/dto/social-care-index-line';
import { upsertSocialCareRecords } from '../social-care-index/social-care-index-import';
import { SocialCareIndexService } from '../social-care-index/social-care-index.service';

/**
 * `npm run bench:index -- --people 200000 --queries 1000 [--ages] [--changed-names] [--seed N]`: the
 * social care index lookup of triage, measured. The children of the matching evaluation's synthetic
 * people (libs/matching/src/evaluation) are loaded into a triage database of its own
 * (`mash_bench_index`, by PG_ADMIN_URL) through triage's own import, each with a status (two in five
 * open, most of those with an allocated worker; early help; closed), the household as its family group
 * and the household's mother. Then contacts about one child each (85% children in the index, 15%
 * children of other households, who share their names) carry the evaluation's realistic errors and go
 * through triage's own lookUpContact. It prints how many open cases reached their allocated worker
 * automatically, how many were put to a contact officer, how many were missed, and every false
 * automatic match (a false transfer when the wrong record has an allocated worker). It asserts nothing.
 */
const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20261126' },
    database: { type: 'string', default: 'mash_bench_index' },
    ages: { type: 'boolean', default: false },
    'changed-names': { type: 'boolean', default: false },
  },
});
const PEOPLE = Number(values.people);
const QUERIES = Number(values.queries);
const SEED = Number(values.seed);
const AS_OF = new Date('2026-11-26T09:00:00Z');
const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function ageOn(dateOfBirth: string): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const had =
    AS_OF.getUTCMonth() + 1 > month || (AS_OF.getUTCMonth() + 1 === month && AS_OF.getUTCDate() >= day);
  return AS_OF.getUTCFullYear() - year - (had ? 0 : 1);
}

interface IndexedChild {
  person: SyntheticPerson;
  status: SocialCareStatus;
  allocatedWorker: string | null;
}

function indexLines(
  random: Random,
  households: SyntheticPerson[][],
): { lines: SocialCareIndexLine[]; children: IndexedChild[] } {
  const lines: SocialCareIndexLine[] = [];
  const children: IndexedChild[] = [];
  for (const members of households) {
    const mother = members.find((member) => member.gender === 'female' && ageOn(member.dateOfBirth) >= 18);
    for (const person of members) {
      if (ageOn(person.dateOfBirth) >= 18) continue;
      const roll = random.next();
      const status: SocialCareStatus = roll < 0.4 ? 'open' : roll < 0.55 ? 'early-help-open' : 'closed';
      const allocatedWorker =
        status === 'open' && random.chance(0.85) ? `Worker ${random.int(1, 400)}` : null;
      children.push({ person, status, allocatedWorker });
      lines.push(
        Object.assign(new SocialCareIndexLine(), {
          recordId: person.recordId,
          givenName: person.givenName,
          familyName: person.familyName,
          otherNames: person.otherNames,
          dateOfBirth: person.dateOfBirth,
          gender: person.gender,
          address: person.address,
          status,
          allocatedWorker,
          team: 'Team 1',
          closedAt: status === 'closed' ? '2025-06-01' : null,
          familyId: `FAM-${person.household}`,
          mother: mother
            ? {
                givenName: mother.givenName,
                familyName: mother.familyName,
                otherNames: mother.otherNames,
                dateOfBirth: mother.dateOfBirth,
              }
            : null,
        }),
      );
    }
  }
  return { lines, children };
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const ident = admin.escapeIdentifier(values.database!);
  await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${ident} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${values.database}`;
  const dataSource = await new DataSource({
    ...triageDataSourceOptions(url.toString()),
    extra: { max: 2 },
  }).initialize();
  await dataSource.runMigrations();

  const random = new Random(SEED + 11);
  const households = [...householdsOf(syntheticPeople(SEED, PEOPLE))];
  const { lines, children } = indexLines(random, households);
  const loading = performance.now();
  for (let start = 0; start < lines.length; start += 5_000)
    await dataSource.transaction((manager) =>
      upsertSocialCareRecords(manager, lines.slice(start, start + 5_000), AS_OF),
    );
  await dataSource.query(`VACUUM ANALYZE social_care_index`);
  await dataSource.query(`VACUUM ANALYZE social_care_index_mothers`);
  const loadSeconds = (performance.now() - loading) / 1000;

  // Contacts: children in the index and children of households that are not.
  const known = Math.round(QUERIES * 0.85);
  const drawn = new Set<number>();
  while (drawn.size < Math.min(known, children.length)) drawn.add(random.int(0, children.length - 1));
  const outsiders: SyntheticPerson[] = [];
  for (const person of syntheticPeople(SEED + 2, Number.MAX_SAFE_INTEGER, 'X')) {
    if (ageOn(person.dateOfBirth) < 18) outsiders.push(person);
    if (outsiders.length >= QUERIES - known) break;
  }
  const byId = new Map(children.map((child) => [child.person.recordId, child]));
  const contacts = [
    ...[...drawn].map((index) => ({
      person: children[index].person,
      truth: children[index].person.recordId,
    })),
    ...outsiders.map((person) => ({ person, truth: null as string | null })),
  ];
  const service = new SocialCareIndexService(dataSource, { now: () => AS_OF });
  const counts = {
    contacts: 0,
    aboutIndexed: 0,
    open: 0,
    openAutomatic: 0,
    openHeldTrue: 0,
    openMissed: 0,
    found: 0,
    foundAutomatic: 0,
    foundHeld: 0,
    exactOld: 0,
    falseAutomatic: 0,
    falseTransfers: 0,
    held: 0,
    heldOutsiders: 0,
    candidatesHeld: 0,
    falseCandidates: 0,
    withAge: 0,
    withAgeFound: 0,
    withAgeKnown: 0,
    changedName: 0,
    changedNameFound: 0,
    changedNameHeld: 0,
  };
  const times: number[] = [];
  for (const { person, truth } of contacts) {
    const query = queryAbout(random, person, truth !== null);
    const subject = query.subject;
    let changedName = false;
    if (values['changed-names'] && random.chance(0.1)) {
      subject.familyName = anotherFamilyName(random, person.familyName);
      changedName = true;
    }
    const child: ChildDetails = {
      givenName: subject.givenName,
      familyName: subject.familyName,
      otherNames: [],
      dateOfBirth: subject.dateOfBirth ?? null,
      gender: subject.gender,
      address: subject.address,
    };
    if (!child.dateOfBirth && values.ages)
      child.approximateAge = approximateAgeOf(random, person.dateOfBirth, AS_OF);
    const started = performance.now();
    const [lookup] = await service.lookUpContact(dataSource.manager, {
      receivedAt: AS_OF.toISOString(),
      children: [child],
      adults: [],
    });
    times.push(performance.now() - started);
    counts.contacts++;
    const automatic = lookup.result?.known ? lookup.result.recordId : null;
    const heldIds = lookup.candidates?.map((candidate) => candidate.recordId) ?? [];
    if (lookup.candidates) {
      counts.held++;
      counts.candidatesHeld += heldIds.length;
      counts.falseCandidates += heldIds.filter((id) => id !== truth).length;
      if (!truth) counts.heldOutsiders++;
    }
    if (automatic && automatic !== truth) {
      counts.falseAutomatic++;
      const wrong = byId.get(automatic);
      if (wrong?.status === 'open' && wrong.allocatedWorker) counts.falseTransfers++;
    }
    const exactOld =
      truth !== null &&
      !!child.dateOfBirth &&
      child.dateOfBirth === person.dateOfBirth &&
      child.givenName.trim().toLowerCase() === person.givenName.toLowerCase() &&
      child.familyName.trim().toLowerCase() === person.familyName.toLowerCase();
    if (child.approximateAge) counts.withAge++;
    if (!truth) continue;
    if (changedName) counts.changedName++;
    counts.aboutIndexed++;
    if (exactOld) counts.exactOld++;
    const foundAutomatic = automatic === truth;
    const foundHeld = heldIds.includes(truth);
    if (foundAutomatic || foundHeld) counts.found++;
    if (foundAutomatic) counts.foundAutomatic++;
    if (foundHeld) counts.foundHeld++;
    if (child.approximateAge) {
      counts.withAgeKnown++;
      if (foundAutomatic || foundHeld) counts.withAgeFound++;
    }
    if (changedName) {
      if (foundAutomatic || foundHeld) counts.changedNameFound++;
      if (foundHeld) counts.changedNameHeld++;
    }
    const indexed = byId.get(truth)!;
    if (indexed.status === 'open' && indexed.allocatedWorker) {
      counts.open++;
      if (foundAutomatic) counts.openAutomatic++;
      else if (foundHeld) counts.openHeldTrue++;
      else counts.openMissed++;
    }
  }
  await dataSource.destroy();
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)].toFixed(1);
  const share = (part: number, whole: number) =>
    `${part} / ${whole} (${(part / Math.max(1, whole)).toFixed(3)})`;
  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(60)} ${value}\n`);
  line(
    'people generated / children in the index',
    `${PEOPLE.toLocaleString('en-GB')} / ${children.length.toLocaleString('en-GB')}`,
  );
  line('load through the import (keys and mothers included)', `${loadSeconds.toFixed(0)} s`);
  line(
    'contacts (about indexed children / about others)',
    `${counts.contacts} (${counts.aboutIndexed} / ${counts.contacts - counts.aboutIndexed})`,
  );
  line(
    'open cases with a worker: reached the worker automatically',
    share(counts.openAutomatic, counts.open),
  );
  line('  put to a contact officer with the true record', share(counts.openHeldTrue, counts.open));
  line('  missed', share(counts.openMissed, counts.open));
  line(
    'indexed children found (automatic or for a contact officer)',
    share(counts.found, counts.aboutIndexed),
  );
  line('  automatically / for a contact officer', `${counts.foundAutomatic} / ${counts.foundHeld}`);
  line('  found by the exact rule of before', share(counts.exactOld, counts.aboutIndexed));
  line(
    'false automatic matches (false transfers to a worker)',
    `${counts.falseAutomatic} (${counts.falseTransfers})`,
  );
  line(
    'contacts held for a contact officer (of them about others)',
    `${counts.held} (${counts.heldOutsiders})`,
  );
  line(
    'possible matches put to contact officers (false ones)',
    `${counts.candidatesHeld} (${counts.falseCandidates})`,
  );
  if (values.ages)
    line('children given an age instead: found', share(counts.withAgeFound, counts.withAgeKnown));
  if (values['changed-names'])
    line(
      'children under another family name: found (of them held)',
      `${counts.changedNameFound} of ${counts.changedName} (${counts.changedNameHeld})`,
    );
  line(
    'lookup per contact',
    `p50 ${at(50)} ms, p95 ${at(95)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
