import { seedAgencyRecords } from '@mash/agency-node';
import { runServiceCli } from '@mash/messaging';
import { systemClock } from '@mash/platform';
import { policeChecksDataSourceOptions } from './database/data-source-options';
import { POLICE_RECORD_KINDS } from './police-record-kinds';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(1);
}
runServiceCli({
  dataSourceOptions: policeChecksDataSourceOptions(url),
  seed: (dataSource, ndjson) => seedAgencyRecords(dataSource, ndjson, POLICE_RECORD_KINDS, systemClock.now()),
}).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
