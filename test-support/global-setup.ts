import { spawnSync } from 'node:child_process';
import { ManagementApi, provision } from '../tools/hub/src/provisioning';
import { TEST_DB_PREFIX, TEST_VHOST, testProvisionOptions } from './env';
import { acquireRunLock } from './run-lock';

/**
 * Jest globalSetup of the integration project: a fresh test hub for every run. The management plugin
 * must answer (it is enabled here if it is not and rabbitmq-plugins is on the PATH); then the
 * `mash-test` vhost and `mash_test_*` databases are recreated, provisioned and migrated.
 */
export default async function globalSetup(): Promise<void> {
  await acquireRunLock();
  const api = new ManagementApi(testProvisionOptions().managementUrl);
  if (!(await api.reachable())) {
    const enable = spawnSync('rabbitmq-plugins', ['enable', 'rabbitmq_management'], { stdio: 'ignore' });
    if (enable.error || enable.status !== 0) {
      throw new Error(
        `the RabbitMQ management API does not answer at ${api.location}: ` +
          'run `rabbitmq-plugins enable rabbitmq_management` (integration tests provision through it)',
      );
    }
    await api.waitUntilReachable(60_000);
  }
  const lines: string[] = [];
  const started = Date.now();
  try {
    await provision({
      vhost: TEST_VHOST,
      dbPrefix: TEST_DB_PREFIX,
      reset: true,
      demoData: false,
      log: (line) => lines.push(line),
    });
  } catch (error) {
    process.stderr.write(`\n${lines.join('\n')}\n`);
    throw error;
  }
  const skipped = lines.filter((line) => line.includes('skipped'));
  process.stdout.write(
    `\nglobal setup: provisioned ${TEST_VHOST} and ${TEST_DB_PREFIX}_* in ${Date.now() - started} ms` +
      (skipped.length ? `\n${skipped.join('\n')}` : '') +
      '\n',
  );
}
