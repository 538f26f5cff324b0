import { DataSource, EntityManager } from 'typeorm';
import { describeViolations, parseSocialCareIndex } from './social-care-index-ndjson';
import { SocialCareIndexLine } from './dto/social-care-index-line';
import { writeIndexSearchKeys } from './index-search-keys';
import { SocialCareRecord } from './social-care-record.entity';

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters at 13 columns a row. */
const BATCH = 500;

/**
 * Inserts or replaces each record by recordId, in the caller's transaction, so importing the same
 * file twice leaves the index as importing it once.
 */
export async function upsertSocialCareRecords(
  manager: EntityManager,
  lines: SocialCareIndexLine[],
  importedAt: Date,
): Promise<number> {
  const rows = lines.map((line) => toRecord(line, importedAt));
  for (let start = 0; start < rows.length; start += BATCH) {
    await manager.upsert(SocialCareRecord, rows.slice(start, start + BATCH), {
      conflictPaths: ['recordId'],
      skipUpdateIfNoValuesChanged: false,
    });
  }
  await writeIndexSearchKeys(
    manager,
    rows.map((row) => row.recordId),
  );
  return rows.length;
}

/** `cli.js seed <file>`: loads demo data through the same rules as the HTTP import, all or nothing. */
export async function seedSocialCareIndex(
  dataSource: DataSource,
  ndjson: string,
  importedAt: Date,
): Promise<{ imported: number }> {
  const { records, violations } = parseSocialCareIndex(ndjson);
  if (violations.length) throw new Error(`social care index not imported: ${describeViolations(violations)}`);
  const imported = await dataSource.transaction((manager) =>
    upsertSocialCareRecords(manager, records, importedAt),
  );
  return { imported };
}

function toRecord(line: SocialCareIndexLine, importedAt: Date): SocialCareRecord {
  return {
    recordId: line.recordId,
    givenName: line.givenName,
    familyName: line.familyName,
    otherNames: line.otherNames ?? [],
    dateOfBirth: line.dateOfBirth ?? null,
    unborn: line.unborn === true,
    expectedDueDate: line.expectedDueDate ?? null,
    familyId: line.familyId ?? null,
    mother: line.mother
      ? {
          givenName: line.mother.givenName,
          familyName: line.mother.familyName,
          otherNames: line.mother.otherNames ?? [],
          dateOfBirth: line.mother.dateOfBirth ?? null,
        }
      : null,
    gender: line.gender ?? null,
    address: line.address ? { ...line.address } : null,
    status: line.status,
    allocatedWorker: line.allocatedWorker ?? null,
    team: line.team ?? null,
    openedAt: line.openedAt ? new Date(line.openedAt) : null,
    closedAt: line.closedAt ? new Date(line.closedAt) : null,
    importedAt,
  };
}
