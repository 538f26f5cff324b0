import { runServiceCli } from '@mash/messaging';
import { notificationsDataSourceOptions } from './database/data-source-options';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(1);
}
runServiceCli({ dataSourceOptions: notificationsDataSourceOptions(url) }).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
