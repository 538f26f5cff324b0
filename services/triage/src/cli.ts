import { runServiceCli } from '@mash/messaging';
import { systemClock } from '@mash/platform';
import { triageDataSourceOptions } from './database/data-source-options';
import { seedSocialCareIndex } from './social-care-index/social-care-index-import';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(1);
}
runServiceCli({
  dataSourceOptions: triageDataSourceOptions(url),
  // Demo data goes through the same validation and upsert as POST /social-care-index/import.
  seed: (dataSource, ndjson) => seedSocialCareIndex(dataSource, ndjson, systemClock.now()),
}).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
