import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Agency, SERVICES, ServiceName, StaffRole } from '@mash/contracts';
import { issueDevelopmentToken } from '@mash/platform';
import { adminPg, purgeQueues, testServiceEnv } from './env';

/**
 * The whole hub for end-to-end tests: the seven built services (`services/<name>/dist/main.js`) as real
 * processes on the test ports, against the test vhost and databases provisioned by global setup, and
 * optionally a real SMTP server that notifications sends to. One hub per test file: start it in
 * `beforeAll`, stop it in `afterAll`.
 */
const ROOT = join(__dirname, '..');

export interface HubOptions {
  /** Environment per service, over the test hub's (e.g. `AUTO_NO_TRACE`, `OVERDUE_SWEEP_SECONDS`). */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Start an SMTP server, point notifications at it and collect what it receives in `mail`. */
  mail?: boolean;
  /**
   * How long each service has to answer 200 on `/health` (ms). 60 s by default: seven processes
   * starting at once on a busy 2-core machine have taken more than 30 s.
   */
  healthTimeoutMs?: number;
}

export interface Hub {
  /** `http://127.0.0.1:<test port><path>` of a service. */
  url(service: ServiceName, path: string): string;
  /** A development token; the subject is `e2e-<first role>` unless `sub` says otherwise. */
  token(roles: StaffRole[], options?: { agency?: Agency; sub?: string }): Promise<string>;
  /** A token of an agency's practitioner, subject `e2e-<agency>-practitioner`. */
  practitioner(agency: Agency): Promise<string>;
  /** Mail the SMTP server received (with `mail: true`). */
  readonly mail: ParsedMail[];
  /** What a service wrote to stdout and stderr so far (services under test log warnings and errors only). */
  output(service: ServiceName): string;
  /** Stops every service (SIGTERM, then SIGKILL after 10 s) and the SMTP server. */
  stop(): Promise<void>;
}

/**
 * Empties every table of every service's test database except the migrations and the append-only audit
 * log, and every queue of the test vhost, so a hub starts with nothing left over from earlier tests.
 */
export async function resetHubData(): Promise<void> {
  for (const service of SERVICES) {
    const db = await adminPg(service);
    try {
      const { rows } = await db.query(
        `SELECT string_agg(quote_ident(tablename), ', ') AS tables FROM pg_tables
          WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'audit_log')`,
      );
      if (rows[0].tables) await db.query(`TRUNCATE ${rows[0].tables} CASCADE`);
    } finally {
      await db.end();
    }
  }
  await purgeQueues();
}

/** Resets the test hub's data, then starts every service and waits until each answers `/health`. */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
  await resetHubData();
  const children: Partial<Record<ServiceName, ChildProcess>> = {};
  const output: Record<string, string[]> = {};
  const mail: ParsedMail[] = [];
  let smtp: SMTPServer | undefined;
  const secret = testServiceEnv('intake').AUTH_DEV_SECRET!;

  const url = (service: ServiceName, path: string) =>
    `http://127.0.0.1:${testServiceEnv(service).PORT}${path}`;

  const stop = async () => {
    await Promise.all(
      Object.values(children).map(async (child) => {
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  };

  try {
    let smtpUrl: string | undefined;
    if (options.mail) {
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((parsed) => mail.push(parsed))
            .then(() => callback(), callback);
        },
      });
      smtp.listen(0, '127.0.0.1');
      await once(smtp.server, 'listening');
      smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
    }

    for (const service of SERVICES) {
      const env = {
        ...process.env,
        ...testServiceEnv(service),
        ...(service === 'notifications' && smtpUrl ? { SMTP_URL: smtpUrl } : {}),
        ...options.env?.[service],
      } as NodeJS.ProcessEnv;
      const child = spawn(process.execPath, [join(ROOT, 'services', service, 'dist', 'main.js')], {
        env,
        stdio: 'pipe',
      });
      output[service] = [];
      child.stdout!.on('data', (chunk) => output[service].push(String(chunk)));
      child.stderr!.on('data', (chunk) => output[service].push(String(chunk)));
      children[service] = child;
    }
    const healthTimeoutMs = options.healthTimeoutMs ?? 60_000;
    await Promise.all(
      SERVICES.map(async (service) => {
        const deadline = Date.now() + healthTimeoutMs;
        for (;;) {
          const child = children[service]!;
          if (child.exitCode !== null || child.signalCode !== null)
            throw new Error(`${service} exited at start-up: ${tail(output[service])}`);
          const status = await fetch(url(service, '/health')).then(
            (response) => response.status,
            () => 0,
          );
          if (status === 200) return;
          if (Date.now() > deadline)
            throw new Error(
              `${service} was not healthy within ${healthTimeoutMs} ms: ${tail(output[service])}`,
            );
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    token: (roles, { agency, sub } = {}) =>
      issueDevelopmentToken({ sub: sub ?? `e2e-${roles[0]}`, roles, agency }, secret),
    practitioner: (agency) =>
      issueDevelopmentToken(
        { sub: `e2e-${agency}-practitioner`, roles: ['agency-practitioner'], agency },
        secret,
      ),
    mail,
    output: (service) => output[service]?.join('') ?? '',
    stop,
  };
}

function tail(lines: string[]): string {
  return lines.join('').slice(-2000) || '(no output)';
}
