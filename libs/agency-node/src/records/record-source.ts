import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { AgencyRecordKinds } from '../agency-node.definition';
import { importAgencyRecords } from './import-agency-records';

/**
 * What an agency implements to feed its node from its own system (a police records system, a GP
 * system's extract, a school information system): a stream of people, each shaped as one line of
 * `POST /records/import` (API.md). The node validates and stores them exactly as it does an import.
 */
export interface AgencyRecordSource {
  /** For logs and the sync report: what the source is, never what it holds. */
  readonly description: string;
  people(): AsyncIterable<unknown>;
}

export const SYNC_BATCH_SIZE = 10_000;

/**
 * Reads a source through the import's own rules, in batches: each batch is stored whole or not at all,
 * and a bad batch stops the sync with the line numbers (counted across the whole source) of its faults.
 */
export async function syncAgencyRecords(
  dataSource: DataSource,
  source: AgencyRecordSource,
  kinds: AgencyRecordKinds,
  now: Date,
  batchSize = SYNC_BATCH_SIZE,
): Promise<{ imported: number; batches: number }> {
  let imported = 0;
  let batches = 0;
  let batch: string[] = [];
  let firstLine = 1;
  const flush = async () => {
    if (!batch.length) return;
    try {
      imported += (await importAgencyRecords(dataSource, batch.join('\n'), kinds, now)).imported;
    } catch (error) {
      const violations = (error as { violations?: Array<{ line?: number }> }).violations;
      if (violations) for (const violation of violations) if (violation.line) violation.line += firstLine - 1;
      throw error;
    }
    batches += 1;
    firstLine += batch.length;
    batch = [];
  };
  for await (const person of source.people()) {
    batch.push(JSON.stringify(person));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { imported, batches };
}

/** A source that reads an NDJSON extract the agency's system drops in a file. */
export class NdjsonFileSource implements AgencyRecordSource {
  constructor(private readonly file: string) {}
  get description() {
    return 'NDJSON file';
  }
  async *people(): AsyncIterable<unknown> {
    const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      // A line that is not JSON is passed on as it is, so the import reports it by line number.
      if (line.trim()) yield safeParse(line);
    }
  }
}

/**
 * A source that reads the agency's own database through a query the agency writes against its own
 * schema, returning one JSON object per row in the import's shape (e.g. `SELECT json_build_object(...)
 * AS person FROM ...`). The node only reads: give it a read-only role on a view.
 */
export class PostgresQuerySource implements AgencyRecordSource {
  constructor(
    private readonly url: string,
    private readonly query: string,
  ) {}
  get description() {
    return 'PostgreSQL query';
  }
  async *people(): AsyncIterable<unknown> {
    const client = new Client({ connectionString: this.url, application_name: 'mash-record-source' });
    await client.connect();
    try {
      await client.query('BEGIN READ ONLY');
      const result = await client.query<{ person: unknown }>(this.query);
      for (const row of result.rows)
        yield typeof row.person === 'string' ? safeParse(row.person) : row.person;
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }
}

function safeParse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
}
