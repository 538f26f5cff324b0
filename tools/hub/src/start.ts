import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SERVICES, ServiceName } from '@mash/contracts';
import { ProvisionOptions, errorMessage, provision, serviceEnv } from './provisioning';

/**
 * `npm start`: provisions everything (with demo data), starts the seven services, waits until each
 * answers /health, prints where they are. Ctrl-C stops them all; if one dies, the others are stopped.
 */
const HEALTH_TIMEOUT_MS = 60_000;
const KILL_AFTER_MS = 10_000;

const running = new Map<ServiceName, ChildProcess>();
let stopping = false;

const width = Math.max(...SERVICES.map((service) => service.length));
const prefix = (service: string) => `${service.padEnd(width)} | `;

/**
 * The demo's defaults, under anything set in the environment: the agency nodes answer "no trace" by
 * themselves, so a contact about someone no agency holds is ready for decision at once, and every
 * other answer waits for that agency's practitioner (`AUTO_NO_TRACE=false npm start` to answer all by hand).
 */
const DEMO_DEFAULTS: Partial<Record<ServiceName, Record<string, string>>> = {
  // `npm run bench` submits hundreds of contacts a minute from one address.
  intake: { PUBLIC_RATE_LIMIT_PER_MINUTE: '6000' },
  'police-checks': { AUTO_NO_TRACE: 'true' },
  'health-checks': { AUTO_NO_TRACE: 'true' },
  'education-checks': { AUTO_NO_TRACE: 'true' },
};

function spawnService(service: ServiceName, options: ProvisionOptions): ChildProcess {
  const child = spawn(process.execPath, [join(options.rootDir, 'services', service, 'dist', 'main.js')], {
    cwd: options.rootDir,
    // A local run is development: the published development secret is refused anywhere else.
    env: {
      NODE_ENV: 'development',
      ...DEMO_DEFAULTS[service],
      ...process.env,
      ...serviceEnv(service, options),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    const target = stream === child.stdout ? process.stdout : process.stderr;
    createInterface({ input: stream }).on('line', (line) => target.write(`${prefix(service)}${line}\n`));
  }
  child.on('exit', (code, signal) => {
    running.delete(service);
    if (stopping) return;
    console.error(
      `\n${service} stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping the others`,
    );
    void stopAll(1);
  });
  child.on('error', (error) => {
    if (stopping) return;
    console.error(`\n${service} could not be started: ${error.message}`);
    void stopAll(1);
  });
  running.set(service, child);
  return child;
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const children = [...running.entries()];
  if (children.length) console.log(`stopping ${children.map(([service]) => service).join(', ')}`);
  await Promise.all(
    children.map(
      ([service, child]) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            console.error(`${service} did not stop within ${KILL_AFTER_MS / 1000} s; killing it`);
            child.kill('SIGKILL');
          }, KILL_AFTER_MS);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}

async function healthy(port: string): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitUntilHealthy(services: ServiceName[], options: ProvisionOptions): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  const waiting = new Set(services);
  while (waiting.size) {
    await Promise.all(
      [...waiting].map(async (service) => {
        if (await healthy(serviceEnv(service, options).PORT)) waiting.delete(service);
      }),
    );
    if (!waiting.size || stopping) return;
    if (Date.now() > deadline) {
      const names = [...waiting].map((service) => `${service} (port ${serviceEnv(service, options).PORT})`);
      throw new Error(
        `not healthy within ${HEALTH_TIMEOUT_MS / 1000} s: ${names.join(', ')}; see its output above`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function printTable(services: ServiceName[], options: ProvisionOptions): void {
  const rows = services.map((service) => {
    const base = `http://127.0.0.1:${serviceEnv(service, options).PORT}`;
    return [service, base, `${base}/docs`, `${base}/docs/ui`];
  });
  const header = ['service', 'url', 'openapi', 'api explorer'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  console.log(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const row of rows) console.log(line(row));
  const page = (service: ServiceName, path: string) =>
    `http://127.0.0.1:${serviceEnv(service, options).PORT}${path}`;
  console.log(
    `\nPages (sign in at /sign-in with the development sign-in: choose a role and a name):\n` +
      `  make a referral (public)      ${page('intake', '/refer')}\n` +
      `  record a contact (officers)   ${page('intake', '/contacts/new')}\n` +
      `  MASH work list and records    ${page('decision', '/')}\n` +
      `  police / health / education   ${page('police-checks', '/')}  ${page('health-checks', '/')}  ${page('education-checks', '/')}\n`,
  );
  console.log(
    `\nThe MASH Hub is running (vhost ${options.vhost}). A token: npm run -s token -- --role decision-maker\n` +
      'Agency nodes answer "no trace" by themselves; any record they find waits for a practitioner ' +
      '(npm run -s token -- --role agency-practitioner --agency police).\n' +
      'Ctrl-C stops every service.\n',
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'no-demo-data': { type: 'boolean', default: false },
    },
  });
  const services = values.only
    ? values.only.split(',').map((name) => {
        if (!(SERVICES as readonly string[]).includes(name))
          throw new Error(`--only: unknown service ${name}`);
        return name as ServiceName;
      })
    : [...SERVICES];

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const options = await provision({ demoData: !values['no-demo-data'] });
  const missing = services.filter(
    (s) => !existsSync(join(options.rootDir, 'services', s, 'dist', 'main.js')),
  );
  if (missing.length) {
    throw new Error(
      `not built: ${missing.map((s) => `services/${s}/dist/main.js`).join(', ')} (run npm run build)`,
    );
  }
  if (stopping) return;
  for (const service of services) spawnService(service, options);
  await waitUntilHealthy(services, options);
  if (!stopping) printTable(services, options);
}

main().catch((error) => {
  console.error(`npm start failed: ${errorMessage(error)}`);
  void (running.size ? stopAll(1) : process.exit(1));
});
