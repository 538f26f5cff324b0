import { seedAgencyRecords } from '@mash/agency-node';
import { runServiceCli } from '@mash/messaging';
import { systemClock } from '@mash/platform';
import { educationChecksDataSourceOptions } from './database/data-source-options';
import { EDUCATION_RECORD_KINDS } from './education-record-kinds';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(1);
}
runServiceCli({
  dataSourceOptions: educationChecksDataSourceOptions(url),
  seed: (dataSource, ndjson) =>
    seedAgencyRecords(dataSource, ndjson, EDUCATION_RECORD_KINDS, systemClock.now()),
}).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
