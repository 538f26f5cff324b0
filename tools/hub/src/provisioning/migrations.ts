import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, ServiceName } from '@mash/contracts';
import { migrationEnv, ProvisionOptions, serviceEnv } from './options';

/** Demo data each service loads through its own import rules (`cli.js seed <file>`). */
export const DEMO_DATA: Partial<Record<ServiceName, string>> = {
  triage: 'deploy/demo-data/social-care-index.ndjson',
  'police-checks': 'deploy/demo-data/police.ndjson',
  'health-checks': 'deploy/demo-data/health.ndjson',
  'education-checks': 'deploy/demo-data/education.ndjson',
};

export function serviceCliPath(rootDir: string, service: ServiceName): string {
  return join(rootDir, 'services', service, 'dist', 'cli.js');
}

/** Runs `node services/<service>/dist/cli.js <args>` as the service (its own env); resolves with its output. */
export function runServiceCli(
  service: ServiceName,
  args: string[],
  options: ProvisionOptions,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serviceCliPath(options.rootDir, service), ...args], {
      cwd: options.rootDir,
      // Migrations run as the migration role, which owns the schema; the demo data loads as the service.
      env: {
        ...process.env,
        ...(args[0] === 'migrate' ? migrationEnv(service, options) : serviceEnv(service, options)),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Migrates every service's database as the service's own role and, with demoData, loads the demo
 * records. A service whose cli.js is not built yet is skipped with a message (the build creates it).
 */
export async function migrateServices(options: ProvisionOptions): Promise<void> {
  const failures: string[] = [];
  await Promise.all(
    SERVICES.map(async (service) => {
      if (!existsSync(serviceCliPath(options.rootDir, service))) {
        options.log(
          `${service}: skipped migrations and demo data: services/${service}/dist/cli.js is not built`,
        );
        return;
      }
      const steps: string[][] = [['migrate']];
      const demo = DEMO_DATA[service];
      if (options.demoData && demo) steps.push(['seed', join(options.rootDir, demo)]);
      for (const args of steps) {
        const { code, output } = await runServiceCli(service, args, options);
        const text = output.trim().replace(/\n/g, `\n${service}: `);
        if (code !== 0) {
          failures.push(service);
          options.log(`${service}: ${args[0]} failed (exit ${code})${text ? `\n${service}: ${text}` : ''}`);
          return;
        }
        options.log(`${service}: ${args[0]}${text ? `: ${text}` : ''}`);
      }
    }),
  );
  if (failures.length) throw new Error(`migrations or demo data failed for: ${failures.join(', ')}`);
}
