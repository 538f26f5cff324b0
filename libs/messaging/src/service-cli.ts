import { readFile } from 'node:fs/promises';
import { DataSource, DataSourceOptions } from 'typeorm';

export interface ServiceCliOptions {
  dataSourceOptions: DataSourceOptions;
  /** Loads demo data (NDJSON text) through the service's own import rules. */
  seed?: (dataSource: DataSource, ndjson: string) => Promise<{ imported: number }>;
}

/**
 * `node dist/cli.js migrate` runs this service's migrations; `node dist/cli.js seed <file>` loads
 * demo data. Provisioning calls both (tools/hub).
 */
export async function runServiceCli(options: ServiceCliOptions, argv = process.argv.slice(2)): Promise<void> {
  const [command, file] = argv;
  const dataSource = new DataSource(options.dataSourceOptions);
  await dataSource.initialize();
  try {
    if (command === 'migrate') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(`migrations applied: ${applied.length}\n`);
    } else if (command === 'seed' && file && options.seed) {
      const { imported } = await options.seed(dataSource, await readFile(file, 'utf8'));
      process.stdout.write(`records imported: ${imported}\n`);
    } else {
      throw new Error(
        `usage: cli.js migrate | seed <file.ndjson>${options.seed ? '' : ' (this service has no seed)'}`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}
