import { DataSource, EntityManager, In } from 'typeorm';
import { ValidationFailedError } from '@mash/platform';
import type { AgencyRecordKinds } from '../agency-node.definition';
import { nameKey } from '../checks/exact-match';
import { personSearchColumns } from '@mash/matching';
import { AgencyFact, StoredFactDetails } from './agency-fact.entity';
import type { AgencyRecordLine } from './agency-record-line';
import { parseAgencyRecords } from './agency-records-ndjson';
import { AgencyPerson } from './agency-person.entity';

const PEOPLE_PER_STATEMENT = 1_000;
const FACTS_PER_STATEMENT = 2_000;

/**
 * Loads an agency's NDJSON export: all lines or none. Each person is upserted by recordId and their
 * facts replaced by the file's, so importing the same file twice changes nothing. Shared by
 * `POST /records/import` and `cli.js seed`.
 */
export async function importAgencyRecords(
  dataSource: DataSource,
  ndjson: string,
  kinds: AgencyRecordKinds,
  now: Date,
): Promise<{ imported: number }> {
  const parsed = parseAgencyRecords(ndjson, kinds, now);
  if (!parsed.ok) {
    const lines = new Set(parsed.violations.map((violation) => violation.line)).size;
    throw new ValidationFailedError(
      parsed.violations,
      `${parsed.truncated ? 'at least ' : ''}${lines} line(s) of the import are invalid; nothing was stored`,
    );
  }
  await dataSource.transaction((manager) => storeAgencyRecords(manager, parsed.records, now));
  return { imported: parsed.records.length };
}

async function storeAgencyRecords(
  manager: EntityManager,
  records: AgencyRecordLine[],
  now: Date,
): Promise<void> {
  // One import at a time: two overlapping imports would otherwise interleave fact replacement.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('agency-records-import'))`);
  for (const batch of chunks(records, PEOPLE_PER_STATEMENT)) {
    await manager.upsert(
      AgencyPerson,
      batch.map((record) => toPerson(record, now)),
      ['recordId'],
    );
    await manager.delete(AgencyFact, { recordId: In(batch.map((record) => record.recordId)) });
  }
  const facts = records.flatMap((record) =>
    record.facts.map((fact) => ({
      ...fact,
      recordId: record.recordId,
      role: fact.role ?? null,
      details: (fact.details ?? {}) as StoredFactDetails,
    })),
  );
  // A fact that moved from one person to another in the agency's system moves here too.
  for (const batch of chunks(facts, FACTS_PER_STATEMENT)) await manager.upsert(AgencyFact, batch, ['factId']);
}

function toPerson(record: AgencyRecordLine, importedAt: Date): AgencyPerson {
  return {
    recordId: record.recordId,
    givenName: record.givenName,
    familyName: record.familyName,
    otherNames: record.otherNames ?? [],
    givenNameKey: nameKey(record.givenName),
    familyNameKey: nameKey(record.familyName),
    dateOfBirth: record.dateOfBirth,
    gender: record.gender ?? null,
    address: record.address ? { ...record.address } : null,
    nhsNumber: record.nhsNumber ?? null,
    upn: record.upn ?? null,
    pncId: record.pncId ?? null,
    importedAt,
    ...personSearchColumns(record),
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * For `cli.js seed <file>`: the same import, with the reasons for a refusal (line, field, rule:
 * never a value) in the error's message, since a command line has no problem details.
 */
export async function seedAgencyRecords(
  dataSource: DataSource,
  ndjson: string,
  kinds: AgencyRecordKinds,
  now: Date,
): Promise<{ imported: number }> {
  try {
    return await importAgencyRecords(dataSource, ndjson, kinds, now);
  } catch (error) {
    if (error instanceof ValidationFailedError) {
      const reasons = error.violations.map((violation) => violation.message).join('\n  ');
      throw new Error(`${error.message}:\n  ${reasons}`);
    }
    throw error;
  }
}
