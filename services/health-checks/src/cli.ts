import { seedAgencyRecords } from '@mash/agency-node';
import { runServiceCli } from '@mash/messaging';
import { systemClock } from '@mash/platform';
import { healthChecksDataSourceOptions } from './database/data-source-options';
import { HEALTH_RECORD_KINDS } from './health-record-kinds';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(1);
}
runServiceCli({
  dataSourceOptions: healthChecksDataSourceOptions(url),
  seed: (dataSource, ndjson) => seedAgencyRecords(dataSource, ndjson, HEALTH_RECORD_KINDS, systemClock.now()),
}).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
