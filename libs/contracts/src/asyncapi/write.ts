import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generateAsyncApi } from './generate';

/** Where the generated document lives: docs/asyncapi.yaml at the repository root. */
export const ASYNCAPI_PATH = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

/** Regenerates docs/asyncapi.yaml from the contract (`npm run asyncapi`). */
export function writeAsyncApi(path = ASYNCAPI_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generateAsyncApi());
}

if (require.main === module) {
  writeAsyncApi();
  process.stdout.write(`wrote ${relative(process.cwd(), ASYNCAPI_PATH)}\n`);
}
