import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AGENCIES, agencyService, queueOf, SERVICES, ServiceName } from '@mash/contracts';
import { issueDevelopmentToken } from '@mash/platform';
import {
  ManagementApi,
  provision,
  ProvisionOptions,
  resolveProvisionOptions,
  serviceEnv,
} from '../provisioning';
import { connectAdmin, databaseName } from '../provisioning';
import { OwnPostgres, OwnRabbitMq, portInUse, removeDir } from './own-servers';

/**
 * The fault-injection run (issue 14): the seven services as separate processes (optionally two of each
 * consumer) on the chaos run's own broker node and database cluster, a steady stream of contacts at the
 * front door, decisions recorded for those that become ready, random SIGKILLs with restarts, and a
 * broker and a database outage at random moments. When the hub is quiet it counts every stage in every
 * database and the broker.
 */
export interface ChaosOptions {
  contacts: number;
  /** Contacts a second. */
  rate: number;
  /** Mean seconds between SIGKILLs (0: none). */
  killEverySeconds: number;
  brokerOutageSeconds: number;
  databaseOutageSeconds: number;
  /** Two instances of every consumer (triage, the agency nodes, decision, notifications). */
  twoOfEach: boolean;
  seed: number;
  /** Longest wait for the hub to become quiet after the last contact and outage. */
  settleTimeoutSeconds: number;
  /** Ports instead of CHAOS_PORTS (the test's run uses others, so it never meets a run started by hand). */
  ports?: Partial<typeof CHAOS_PORTS>;
  log: (line: string) => void;
}

export const DEFAULT_CHAOS_OPTIONS: ChaosOptions = {
  contacts: 1_000,
  rate: 10,
  killEverySeconds: 5,
  brokerOutageSeconds: 90,
  databaseOutageSeconds: 90,
  twoOfEach: false,
  seed: Date.now() % 1_000_000,
  settleTimeoutSeconds: 600,
  log: (line) => process.stdout.write(`${line}\n`),
};

/** Ports of the chaos run's own servers and services: none is a shared server's or the lead's. */
export const CHAOS_PORTS = {
  amqp: 5673,
  management: 15673,
  erlangDistribution: 25673,
  postgres: 5433,
  firstService: 5001,
  secondInstanceOffset: 100,
};
export const CHAOS_VHOST = 'mash-chaos';
export const CHAOS_DB_PREFIX = 'mash_chaos';

export interface StageCount {
  stage: string;
  expected: number;
  found: number;
  lost: number;
  duplicated: number;
}

export interface ChaosReport {
  stages: StageCount[];
  deadLetters: Record<string, number>;
  unpublishedOutbox: Record<string, number>;
  http: Record<string, number>;
  kills: number;
  outages: { what: 'broker' | 'database'; atSeconds: number; seconds: number }[];
  /** Time from spawn to /health/ready, ms, by service: each restart after a SIGKILL (starts while a server was away left out). */
  readyMs: Record<string, number[]>;
  /** The same at the run's start, when every process starts at once on the same cores. */
  initialReadyMs: Record<string, number>;
  elapsedSeconds: number;
  settled: boolean;
  ok: boolean;
}

/** mulberry32: a small seeded generator, so a run's kills and outages can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decisions posted at once by the run's decision makers. */
const DECIDERS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A synthetic contact held by no agency, so each node answers "no trace" by itself. */
function syntheticContact(n: number) {
  return {
    source: 'school',
    channel: 'portal',
    requestType: 'safeguarding',
    referrer: { name: 'Chaos Referrer', organisation: 'Chaos School', email: 'chaos@chaos.example' },
    children: [
      { givenName: `Chaoschild${n}`, familyName: 'Synthetic', dateOfBirth: '2015-05-05', gender: 'unknown' },
    ],
    adults: [
      {
        givenName: `Chaosadult${n}`,
        familyName: 'Synthetic',
        dateOfBirth: '1985-05-05',
        relationship: 'parent',
      },
    ],
    concern: { summary: 'Synthetic chaos contact', categories: ['neglect'], immediateDanger: false },
    consent: { status: 'given', givenBy: 'parent' },
  };
}

interface Instance {
  key: string;
  service: ServiceName;
  port: number;
  child?: ChildProcess;
  startedAt: number;
  output: string[];
}

export async function runChaos(overrides: Partial<ChaosOptions> = {}): Promise<ChaosReport> {
  const options = { ...DEFAULT_CHAOS_OPTIONS, ...overrides };
  const PORTS = { ...CHAOS_PORTS, ...options.ports };
  const log = options.log;
  const random = seeded(options.seed);
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;

  for (const port of [PORTS.amqp, PORTS.management, PORTS.erlangDistribution, PORTS.postgres]) {
    if (await portInUse(port)) throw new Error(`port ${port} is in use: is another chaos run going on?`);
  }
  const dir = join(tmpdir(), `mash-chaos-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const postgres = new OwnPostgres({ port: PORTS.postgres, dataDir: join(dir, 'postgres') });
  const rabbit = new OwnRabbitMq({
    nodeName: `mash-chaos-${process.pid}@localhost`,
    port: PORTS.amqp,
    managementPort: PORTS.management,
    distPort: PORTS.erlangDistribution,
    dataDir: join(dir, 'rabbitmq'),
  });

  const instances: Instance[] = [];
  let stopping = false;
  const serversAway = { broker: false, database: false };
  const readyMs: Record<string, number[]> = {};
  const initialReadyMs: Record<string, number> = {};
  let initialStart = true;
  const http: Record<string, number> = {};
  const countHttp = (what: string) => (http[what] = (http[what] ?? 0) + 1);

  // Ctrl-C (or a test's timeout) still stops the run's own servers and processes.
  const cleanup = async () => {
    stopping = true;
    await Promise.all(
      instances.map(async (instance) => {
        const child = instance.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    rabbit.stopQuietly();
    postgres.stopQuietly();
    if (!process.env.CHAOS_KEEP_DATA) removeDir(dir);
  };
  const onSignal = () => {
    log('chaos: interrupted; stopping its own servers and processes');
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(
      `chaos: seed ${options.seed}; own PostgreSQL on ${PORTS.postgres}, own RabbitMQ on ${PORTS.amqp} (data in ${dir})`,
    );
    postgres.init();
    postgres.start();
    rabbit.init();
    await rabbit.start();
    log(`chaos: servers up in ${elapsed().toFixed(1)} s; provisioning`);

    const provisionOptions: ProvisionOptions = await provision({
      vhost: CHAOS_VHOST,
      dbPrefix: CHAOS_DB_PREFIX,
      pgAdminUrl: postgres.adminUrl,
      managementUrl: rabbit.managementUrl,
      amqpAdminUrl: rabbit.amqpAdminUrl,
      reset: true,
      demoData: false,
      keysDir: join(dir, 'keys'),
      log: () => undefined,
    });
    log(`chaos: provisioned in ${elapsed().toFixed(1)} s`);

    const portOf = (service: ServiceName, second: boolean) =>
      PORTS.firstService + SERVICES.indexOf(service) + (second ? PORTS.secondInstanceOffset : 0);
    for (const service of SERVICES) {
      instances.push({ key: service, service, port: portOf(service, false), startedAt: 0, output: [] });
      if (options.twoOfEach && queueOf(service))
        instances.push({
          key: `${service}#2`,
          service,
          port: portOf(service, true),
          startedAt: 0,
          output: [],
        });
    }

    const spawnInstance = (instance: Instance) => {
      const env = {
        ...process.env,
        ...serviceEnv(instance.service, { ...provisionOptions, outboxDir: join(dir, 'letters') }),
        PORT: String(instance.port),
        LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
        ...(instance.service.endsWith('-checks') ? { AUTO_NO_TRACE: 'true' } : {}),
        // A development hub on this machine: the published development secret is accepted only so, and
        // the chaos stream comes from one address, far above the front door's public rate limit.
        NODE_ENV: process.env.NODE_ENV ?? 'development',
        ...(instance.service === 'intake' ? { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' } : {}),
      };
      const child = spawn(
        process.execPath,
        [join(provisionOptions.rootDir, 'services', instance.service, 'dist', 'main.js')],
        {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      instance.child = child;
      instance.startedAt = Date.now();
      const awayAtStart = serversAway.broker || serversAway.database;
      const initial = initialStart;
      const keep = (chunk: Buffer) => {
        instance.output.push(String(chunk));
        if (instance.output.length > 200) instance.output.splice(0, 100);
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      child.on('exit', () => {
        if (instance.child === child) instance.child = undefined;
        // A process that exits by itself (not killed by the run) is started again, as an orchestrator would.
        if (!stopping && !killed.has(child))
          setTimeout(() => !stopping && !instance.child && spawnInstance(instance), 1_000);
      });
      void (async () => {
        for (;;) {
          if (instance.child !== child || stopping) return;
          const ok = await fetch(`http://127.0.0.1:${instance.port}/health/ready`, {
            signal: AbortSignal.timeout(1_000),
          }).then(
            (response) => response.status === 200,
            () => false,
          );
          if (ok) {
            const ms = Date.now() - instance.startedAt;
            if (initial) initialReadyMs[instance.key] = ms;
            else if (!awayAtStart && !serversAway.broker && !serversAway.database)
              (readyMs[instance.service] ??= []).push(ms);
            return;
          }
          await sleep(50);
        }
      })();
    };
    const killed = new WeakSet<ChildProcess>();

    for (const instance of instances) spawnInstance(instance);
    // A bound, not a timing assertion: thirteen processes starting at once on a busy 2-core machine
    // have taken over a minute.
    const notReady = async () =>
      (await Promise.all(instances.map(async (i) => ((await isReady(i.port)) ? undefined : i.key)))).filter(
        Boolean,
      );
    await waitFor(async () => !(await notReady()).length, 180_000, 'every service ready at start', notReady);
    initialStart = false;
    log(`chaos: ${instances.length} processes ready in ${elapsed().toFixed(1)} s`);

    const secret = provisionOptions.authDevSecret;
    const decisionMaker = await issueDevelopmentToken(
      { sub: 'chaos-decision-maker', roles: ['decision-maker'] },
      secret,
    );
    const intakeUrl = `http://127.0.0.1:${portOf('intake', false)}`;
    const decisionUrls = instances
      .filter((i) => i.service === 'decision')
      .map((i) => `http://127.0.0.1:${i.port}`);

    // The stream of contacts: each is sent until answered 201; 503 and refused connections are retried
    // with the same Idempotency-Key, as a careful client would.
    const accepted = new Map<string, string>(); // idempotency key -> contact id
    const sending = (async () => {
      const sendStarted = Date.now();
      const inFlight: Promise<void>[] = [];
      for (let n = 0; n < options.contacts; n++) {
        const due = sendStarted + (n * 1000) / options.rate;
        if (due > Date.now()) await sleep(due - Date.now());
        inFlight.push(
          (async () => {
            const key = `chaos-${options.seed}-${n}`;
            for (;;) {
              const answer = await fetch(`${intakeUrl}/contacts`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'idempotency-key': key },
                body: JSON.stringify(syntheticContact(n)),
                signal: AbortSignal.timeout(15_000),
              }).then(
                async (response) => ({
                  status: response.status,
                  body: (await response.json().catch(() => ({}))) as { contactId?: string },
                }),
                () => ({ status: 0, body: {} as { contactId?: string } }),
              );
              countHttp(`POST /contacts ${answer.status || 'no answer'}`);
              if (answer.status === 201 && serversAway.broker)
                countHttp('POST /contacts 201 while the broker was away');
              if (answer.status === 201 && answer.body.contactId) {
                accepted.set(key, answer.body.contactId);
                return;
              }
              if (answer.status >= 400 && answer.status < 500) return; // a bug in the run: reported by the counts
              await sleep(1_000);
            }
          })(),
        );
      }
      await Promise.all(inFlight);
    })();

    // Decisions for every record that becomes ready.
    let sendingDone = false;
    void sending.then(() => (sendingDone = true));
    const decided = new Set<string>();
    const deciding = (async () => {
      let round = 0;
      while (!stopping) {
        const base = decisionUrls[round++ % decisionUrls.length];
        const list = await fetch(`${base}/contacts?status=ready-for-decision&limit=120`, {
          headers: { authorization: `Bearer ${decisionMaker}` },
          signal: AbortSignal.timeout(10_000),
        }).then(
          async (response) => {
            countHttp(`GET /contacts ${response.status}`);
            return response.ok ? ((await response.json()) as { contactId: string }[]) : [];
          },
          () => [] as { contactId: string }[],
        );
        // Several decision makers at once, as in a real hub: one at a time would fall behind the stream.
        const pending = list.filter((entry) => !decided.has(entry.contactId));
        await Promise.all(
          Array.from({ length: DECIDERS }, async (_, worker) => {
            for (let i = worker; i < pending.length && !stopping; i += DECIDERS)
              await decide(base, pending[i]);
          }),
        );
        await sleep(500);
      }
    })();
    async function decide(base: string, entry: { contactId: string }): Promise<void> {
      const answer = await fetch(`${base}/contacts/${entry.contactId}/decision`, {
        method: 'POST',
        headers: { authorization: `Bearer ${decisionMaker}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          outcome: 'early-help',
          rationale: 'Chaos run decision',
          feedbackToReferrer: 'Thank you.',
        }),
        signal: AbortSignal.timeout(10_000),
      }).then(
        (response) => response.status,
        () => 0,
      );
      countHttp(`POST decision ${answer || 'no answer'}`);
      if (answer === 200 || answer === 409) decided.add(entry.contactId);
    }

    // Outages at random moments while contacts are still coming: the broker's first, then the database's.
    const sendSeconds = options.contacts / options.rate;
    const outages: ChaosReport['outages'] = [];
    const outaging = (async () => {
      const brokerAt = 5 + random() * Math.max(1, sendSeconds * 0.3);
      await sleep(Math.max(0, brokerAt * 1000 - (Date.now() - started)));
      if (options.brokerOutageSeconds > 0) {
        const at = elapsed();
        log(`chaos: ${at.toFixed(0)} s: stopping RabbitMQ for ${options.brokerOutageSeconds} s`);
        serversAway.broker = true;
        rabbit.stop();
        await sleep(options.brokerOutageSeconds * 1000);
        await rabbit.start();
        serversAway.broker = false;
        // From the stop command to the node answering again: stopping and starting a node take seconds too.
        outages.push({ what: 'broker', atSeconds: Math.round(at), seconds: Math.round(elapsed() - at) });
        log(`chaos: ${elapsed().toFixed(0)} s: RabbitMQ is back`);
      }
      await sleep((5 + random() * 10) * 1000);
      if (options.databaseOutageSeconds > 0) {
        const at = elapsed();
        log(`chaos: ${at.toFixed(0)} s: stopping PostgreSQL for ${options.databaseOutageSeconds} s`);
        serversAway.database = true;
        postgres.stop();
        await sleep(options.databaseOutageSeconds * 1000);
        postgres.start();
        serversAway.database = false;
        outages.push({ what: 'database', atSeconds: Math.round(at), seconds: Math.round(elapsed() - at) });
        log(`chaos: ${elapsed().toFixed(0)} s: PostgreSQL is back`);
      }
    })();

    // SIGKILLs of a random process every few seconds, each started again after a moment.
    let kills = 0;
    let outagesDone = false;
    void outaging.then(() => (outagesDone = true));
    const killing = (async () => {
      if (options.killEverySeconds <= 0) return;
      while (!(sendingDone && outagesDone)) {
        await sleep(options.killEverySeconds * 1000 * (0.5 + random()));
        if (sendingDone && outagesDone) break;
        const instance = instances[Math.floor(random() * instances.length)];
        const child = instance.child;
        if (!child) continue;
        killed.add(child);
        child.kill('SIGKILL');
        kills++;
        await once(child, 'exit').catch(() => undefined);
        await sleep(500 + random() * 1500);
        if (!instance.child) spawnInstance(instance);
      }
    })();

    // While a server is away: /health/live must stay 200 (nothing to restart), /health/ready say 503.
    const probing = (async () => {
      while (!(sendingDone && outagesDone)) {
        if (serversAway.broker || serversAway.database) {
          for (const instance of instances) {
            if (!instance.child) continue;
            for (const probe of ['live', 'ready']) {
              const status = await fetch(`http://127.0.0.1:${instance.port}/health/${probe}`, {
                signal: AbortSignal.timeout(2_000),
              }).then(
                (response) => response.status,
                () => 0,
              );
              if (status) countHttp(`GET /health/${probe} during an outage ${status}`);
            }
          }
        }
        await sleep(2_000);
      }
    })();

    await Promise.all([sending, outaging, killing, probing]);
    log(
      `chaos: ${elapsed().toFixed(0)} s: ${accepted.size} contacts accepted, ${kills} kills; waiting for the hub to be quiet`,
    );

    // Quiet: every accepted contact decided and told, nothing in an outbox or a queue.
    const accounts = new HubAccounts(provisionOptions, postgres.adminUrl, rabbit.managementUrl);
    const acceptedIds = [...accepted.values()];
    let quietRounds = 0;
    const settleDeadline = Date.now() + options.settleTimeoutSeconds * 1000;
    let settled = false;
    while (Date.now() < settleDeadline) {
      const quiet = await accounts.isQuiet(acceptedIds).catch(() => false);
      quietRounds = quiet ? quietRounds + 1 : 0;
      if (quietRounds >= 3) {
        settled = true;
        break;
      }
      await sleep(1_000);
    }
    stopping = true;
    await deciding;
    const counts = await accounts.count(acceptedIds, options.contacts);
    const http500 = Object.entries(http).filter(([what]) => / 5\d\d$/.test(what) && !/ 503$/.test(what));
    const ok =
      settled &&
      counts.stages.every((stage) => stage.lost === 0 && stage.duplicated === 0) &&
      Object.values(counts.deadLetters).every((n) => n === 0) &&
      Object.values(counts.unpublishedOutbox).every((n) => n === 0) &&
      http500.length === 0;
    return {
      ...counts,
      http,
      kills,
      outages,
      readyMs,
      initialReadyMs,
      elapsedSeconds: Math.round(elapsed()),
      settled,
      ok,
    };
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

async function isReady(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(1_000) }).then(
    (response) => response.status === 200,
    () => false,
  );
}

async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  missing?: () => Promise<unknown[]>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${missing ? `: ${(await missing()).join(', ')}` : ''}`);
    await sleep(200);
  }
}

/** Counts in every service's database (as the cluster's superuser) and in the broker. */
class HubAccounts {
  private readonly api: ManagementApi;
  constructor(
    private readonly options: ProvisionOptions,
    private readonly pgAdminUrl: string,
    managementUrl: string,
  ) {
    this.api = new ManagementApi(managementUrl);
  }

  private async query<T>(service: ServiceName, sql: string, params: unknown[] = []): Promise<T[]> {
    const client: Client = await connectAdmin(this.pgAdminUrl, databaseName(service, this.options.dbPrefix));
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async queueDepths(): Promise<{ name: string; messages: number }[]> {
    const { body } = await this.api.request<{ name: string; messages?: number }[]>(
      'GET',
      `/queues/${encodeURIComponent(this.options.vhost)}?columns=name,messages`,
    );
    return (body ?? []).map((queue) => ({ name: queue.name, messages: queue.messages ?? 0 }));
  }

  async isQuiet(accepted: string[]): Promise<boolean> {
    const queues = await this.queueDepths();
    if (queues.some((queue) => !queue.name.endsWith('.dead-letter') && queue.messages > 0)) return false;
    for (const service of SERVICES) {
      const [row] = await this.query<{ n: number }>(
        service,
        'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
      );
      if (row.n > 0) return false;
    }
    const [decided] = await this.query<{ n: number }>(
      'decision',
      `SELECT count(*)::int AS n FROM mash_records WHERE contact_id = ANY($1::uuid[]) AND status = 'decided'`,
      [accepted],
    );
    if (decided.n < accepted.length) return false;
    const [queued] = await this.query<{ n: number }>(
      'notifications',
      `SELECT count(*)::int AS n FROM notifications WHERE status = 'queued'`,
    );
    return queued.n === 0;
  }

  async count(
    accepted: string[],
    sent: number,
  ): Promise<Pick<ChaosReport, 'stages' | 'deadLetters' | 'unpublishedOutbox'>> {
    const ids = accepted;
    const stage = (name: string, expected: number, found: number, duplicated: number): StageCount => ({
      stage: name,
      expected,
      found,
      lost: Math.max(0, expected - (found - duplicated)),
      duplicated,
    });
    /** Rows per key: how many keys have any, and how many rows are beyond the first. */
    const perKey = async (service: ServiceName, sql: string, params: unknown[] = [ids]) => {
      const rows = await this.query<{ n: number }>(service, sql, params);
      return {
        keys: rows.length,
        extra: rows.reduce((sum, row) => sum + Math.max(0, row.n - 1), 0),
        rows: rows.reduce((s, r) => s + r.n, 0),
      };
    };
    const stages: StageCount[] = [];

    const contacts = await perKey(
      'intake',
      `SELECT idempotency_key, count(*)::int AS n FROM contacts GROUP BY idempotency_key`,
      [],
    );
    stages.push(stage('contacts accepted (201) and stored', accepted.length, contacts.rows, contacts.extra));
    stages.push({ ...stage('contacts answered 201, of those sent', sent, accepted.length, 0) });
    const received = await perKey(
      'intake',
      `SELECT correlation_id, count(*)::int AS n FROM outbox WHERE type = 'contact.received' AND correlation_id = ANY($1::text[]) GROUP BY 1`,
    );
    stages.push(stage('contact.received published', ids.length, received.rows, received.extra));
    const screenings = await perKey(
      'triage',
      `SELECT contact_id, count(*)::int AS n FROM screenings WHERE contact_id = ANY($1::uuid[]) GROUP BY 1`,
    );
    const screened = await perKey(
      'triage',
      `SELECT correlation_id, count(*)::int AS n FROM outbox WHERE type = 'contact.screened' AND correlation_id = ANY($1::text[]) GROUP BY 1`,
    );
    stages.push(stage('screenings', ids.length, screenings.rows, screenings.extra));
    stages.push(stage('contact.screened published', ids.length, screened.rows, screened.extra));

    // The checks the MASH record holds are what was asked; each agency must hold each exactly once, and answer it once.
    const planned = await this.query<{
      check_id: string;
      agency: string;
      contact_id: string;
      status: string;
    }>(
      'decision',
      `SELECT check_id, agency, contact_id, status FROM record_checks WHERE contact_id = ANY($1::uuid[]) AND status <> 'not-required'`,
      [ids],
    );
    for (const agency of AGENCIES) {
      const service = agencyService(agency);
      const asked = planned.filter((check) => check.agency === agency).map((check) => check.check_id);
      const requests = await perKey(
        service,
        `SELECT contact_id, count(*)::int AS n FROM checks WHERE contact_id = ANY($1::uuid[]) GROUP BY 1`,
      );
      const answers = await perKey(
        service,
        `SELECT body->>'checkId' AS check_id, count(*)::int AS n FROM outbox WHERE type = 'check.responded' AND body->>'checkId' = ANY($1::text[]) GROUP BY 1`,
        [asked],
      );
      stages.push(stage(`${agency}: check requests received`, asked.length, requests.rows, requests.extra));
      stages.push(stage(`${agency}: answers sent`, asked.length, answers.rows, answers.extra));
    }
    const responded = planned.filter((check) => check.status === 'responded').length;
    stages.push(stage('answers recorded on MASH records', planned.length, responded, 0));
    const decisions = await perKey(
      'decision',
      `SELECT correlation_id, count(*)::int AS n FROM outbox WHERE type = 'decision.recorded' AND correlation_id = ANY($1::text[]) GROUP BY 1`,
    );
    stages.push(stage('decisions recorded', ids.length, decisions.rows, decisions.extra));
    const notifications = await this.query<{
      contact_id: string;
      kind: string;
      recipient: string;
      n: number;
    }>(
      'notifications',
      `SELECT contact_id, kind, recipient, count(*)::int AS n FROM notifications WHERE contact_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
      [ids],
    );
    const toldOutcome = new Set(
      notifications.filter((row) => row.kind.startsWith('outcome')).map((row) => row.contact_id),
    );
    stages.push(
      stage(
        'referrers told the outcome (per contact and recipient)',
        ids.length,
        toldOutcome.size +
          notifications.filter((row) => row.kind.startsWith('outcome')).reduce((s, r) => s + r.n - 1, 0),
        notifications.reduce((sum, row) => sum + Math.max(0, row.n - 1), 0),
      ),
    );
    const [delivery] = await this.query<{ total: number; sent: number }>(
      'notifications',
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'sent'))::int AS sent FROM notifications WHERE contact_id = ANY($1::uuid[])`,
      [ids],
    );
    stages.push(stage('notifications sent, of those created', delivery.total, delivery.sent, 0));

    const unpublishedOutbox: Record<string, number> = {};
    for (const service of SERVICES) {
      const [row] = await this.query<{ n: number }>(
        service,
        'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
      );
      unpublishedOutbox[service] = row.n;
    }
    const deadLetters: Record<string, number> = {};
    for (const queue of await this.queueDepths())
      if (queue.name.endsWith('.dead-letter')) deadLetters[queue.name] = queue.messages;
    return { stages, deadLetters, unpublishedOutbox };
  }
}

export { resolveProvisionOptions };
