import { runServiceCli } from '@mash/messaging';
import { decisionDataSourceOptions } from './database/data-source-options';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(1);
}
runServiceCli({ dataSourceOptions: decisionDataSourceOptions(url) }).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
