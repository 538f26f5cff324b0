import * as amqp from 'amqplib';
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { SERVICES, ServiceName } from '@mash/contracts';
import { issueDevelopmentToken, PUBLISHED_DEVELOPMENT_SECRET } from '@mash/platform';
import { brokerUser, SERVICE_PORTS } from './provisioning';

/**
 * `npm run security:check -- [--host 127.0.0.1] [--amqp-host 127.0.0.1] [--management http://127.0.0.1:15672]`:
 * probes a running hub for what a deployer can get wrong, prints each finding, and exits 1 if any is a
 * problem. It sends no personal data and changes nothing: it reads /health, calls read-only endpoints
 * with tokens it mints from the published development secret, and tries to log in with default passwords.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'amqp-host': { type: 'string', default: '127.0.0.1' },
    'amqp-port': { type: 'string', default: '5672' },
    vhost: { type: 'string', default: 'mash' },
    management: { type: 'string', default: 'http://127.0.0.1:15672' },
  },
});

type Finding = { ok: boolean; what: string };
const findings: Finding[] = [];
const report = (ok: boolean, what: string) => findings.push({ ok, what });
const url = (service: ServiceName, path: string, host = values.host!) =>
  `http://${host}:${SERVICE_PORTS[service]}${path}`;

/** A staff endpoint of each service that needs a token (GET, read-only). */
const STAFF_PROBES: Partial<Record<ServiceName, string>> = {
  decision: '/contacts?limit=1',
  notifications: '/notifications?contactId=00000000-0000-0000-0000-000000000000',
  'police-checks': '/checks',
  'health-checks': '/checks',
  'education-checks': '/checks',
};

async function reachable(target: string): Promise<Response | undefined> {
  try {
    return await fetch(target, { signal: AbortSignal.timeout(2_000) });
  } catch {
    return undefined;
  }
}

async function checkHeaders(service: ServiceName, response: Response): Promise<void> {
  const csp = response.headers.get('content-security-policy') ?? '';
  report(
    csp.includes("default-src 'none'"),
    `${service}: Content-Security-Policy ${csp ? `"${csp}"` : 'missing'}`,
  );
  report(
    response.headers.get('x-content-type-options') === 'nosniff',
    `${service}: X-Content-Type-Options nosniff`,
  );
  report(response.headers.get('cache-control') === 'no-store', `${service}: Cache-Control no-store`);
  report(!response.headers.get('x-powered-by'), `${service}: no X-Powered-By`);
}

async function checkPublishedSecret(service: ServiceName, path: string): Promise<void> {
  const token = await issueDevelopmentToken(
    { sub: 'security-check', roles: ['hub-operator'] },
    PUBLISHED_DEVELOPMENT_SECRET,
  );
  const response = await fetch(url(service, path), {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(2_000),
  }).catch(() => undefined);
  if (!response) return;
  report(
    response.status === 401,
    `${service}: a token signed with the published development secret is ${response.status === 401 ? 'refused' : `ACCEPTED (${response.status})`}`,
  );
}

/** Whether a service also answers on this machine's other addresses (it should listen on one only). */
async function checkListenAddress(service: ServiceName): Promise<void> {
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address);
  for (const address of others) {
    const response = await reachable(url(service, '/health', address));
    report(!response, `${service}: ${response ? 'ALSO answers' : 'does not answer'} on ${address}`);
  }
}

async function checkBrokerPasswords(): Promise<void> {
  for (const service of SERVICES) {
    const user = brokerUser(service);
    try {
      const connection = await amqp.connect(
        `amqp://${encodeURIComponent(user)}:${encodeURIComponent(`${service}-dev-password`)}@${values['amqp-host']}:${values['amqp-port']}/${encodeURIComponent(values.vhost!)}`,
      );
      connection.on('error', () => undefined);
      await connection.close().catch(() => undefined);
      report(false, `broker: ${user} ACCEPTS its development password`);
    } catch {
      report(true, `broker: ${user} refuses its development password (or the broker is not reachable)`);
    }
  }
  const management = new URL(values.management!);
  const guest = await fetch(new URL('/api/whoami', management), {
    headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
    signal: AbortSignal.timeout(2_000),
  }).catch(() => undefined);
  report(!guest?.ok, `broker management: guest/guest ${guest?.ok ? 'ACCEPTED' : 'refused or not reachable'}`);
}

async function main(): Promise<void> {
  for (const service of SERVICES) {
    const health = await reachable(url(service, '/health'));
    if (!health) {
      report(true, `${service}: not reachable on ${values.host}:${SERVICE_PORTS[service]} (skipped)`);
      continue;
    }
    await checkHeaders(service, health);
    const probe = STAFF_PROBES[service];
    if (probe) await checkPublishedSecret(service, probe);
    await checkListenAddress(service);
  }
  await checkBrokerPasswords();
  for (const finding of findings)
    process.stdout.write(`${finding.ok ? 'ok     ' : 'PROBLEM'}  ${finding.what}\n`);
  const problems = findings.filter((finding) => !finding.ok).length;
  process.stdout.write(`${problems} problem${problems === 1 ? '' : 's'} found\n`);
  process.exitCode = problems ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`security check failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
