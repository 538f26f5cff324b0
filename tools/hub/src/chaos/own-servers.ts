import { spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/**
 * A RabbitMQ node and a PostgreSQL cluster of the chaos run's own (docs/decisions.md, "The chaos run
 * owns its broker and database servers"): other people's tests use the machine's shared servers at the
 * same time, so the run stops and starts only servers it started itself, on ports of its own, with data
 * in a directory it removes at the end.
 */

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): SpawnSyncReturns<string> {
  return spawnSync(command, args, { env, encoding: 'utf8', timeout: 120_000 });
}

function ensureOk(result: SpawnSyncReturns<string>, what: string): void {
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${what} failed (${result.error?.message ?? `exit ${result.status}`}): ${output}`);
  }
}

/** Whether something already listens on a local port (then the run refuses to use it). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export interface OwnPostgresOptions {
  port: number;
  dataDir: string;
}

/** A PostgreSQL cluster made with initdb and run with pg_ctl (as `postgres` when the run is root's). */
export class OwnPostgres {
  private readonly bin: string;
  constructor(private readonly options: OwnPostgresOptions) {
    this.bin = postgresBinDir();
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.options.port}/postgres`;
  }

  private asOwner(command: string, args: string[]): SpawnSyncReturns<string> {
    const path = join(this.bin, command);
    // PostgreSQL refuses to run as root: the cluster belongs to the postgres account then.
    return isRoot ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args);
  }

  init(): void {
    mkdirSync(this.options.dataDir, { recursive: true });
    if (isRoot)
      ensureOk(run('chown', ['-R', 'postgres', this.options.dataDir]), 'chown of the chaos cluster');
    const data = join(this.options.dataDir, 'data');
    if (!existsSync(join(data, 'PG_VERSION'))) {
      ensureOk(
        this.asOwner('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']),
        'initdb',
      );
    }
  }

  start(): void {
    const data = join(this.options.dataDir, 'data');
    ensureOk(
      this.asOwner('pg_ctl', [
        '-D',
        data,
        '-l',
        join(this.options.dataDir, 'postgres.log'),
        '-o',
        `-p ${this.options.port} -k ${this.options.dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
        '-w',
        '-t',
        '60',
        'start',
      ]),
      'pg_ctl start',
    );
  }

  /** `fast`: every session is ended at once, as when an operator restarts the server. */
  stop(): void {
    ensureOk(
      this.asOwner('pg_ctl', [
        '-D',
        join(this.options.dataDir, 'data'),
        '-m',
        'fast',
        '-w',
        '-t',
        '60',
        'stop',
      ]),
      'pg_ctl stop',
    );
  }

  stopQuietly(): void {
    this.asOwner('pg_ctl', ['-D', join(this.options.dataDir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }
}

function postgresBinDir(): string {
  if (process.env.CHAOS_PG_BIN) return process.env.CHAOS_PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((name) => existsSync(join(base, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error('no PostgreSQL server binaries: set CHAOS_PG_BIN to the directory of pg_ctl');
  return join(base, versions[0], 'bin');
}

export interface OwnRabbitMqOptions {
  nodeName: string;
  port: number;
  managementPort: number;
  distPort: number;
  dataDir: string;
}

/** A RabbitMQ node with its own name, ports, data directory, Erlang cookie and management plugin. */
export class OwnRabbitMq {
  private readonly sbin: string;
  constructor(private readonly options: OwnRabbitMqOptions) {
    this.sbin = rabbitSbinDir();
  }

  get amqpAdminUrl(): string {
    return `amqp://guest:guest@127.0.0.1:${this.options.port}`;
  }
  get managementUrl(): string {
    return `http://guest:guest@127.0.0.1:${this.options.managementPort}`;
  }

  private env(): NodeJS.ProcessEnv {
    const dir = this.options.dataDir;
    return {
      ...process.env,
      // Its own cookie (in HOME) and its own everything else: nothing is shared with the machine's node.
      HOME: dir,
      RABBITMQ_NODENAME: this.options.nodeName,
      RABBITMQ_NODE_PORT: String(this.options.port),
      RABBITMQ_DIST_PORT: String(this.options.distPort),
      RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(dir, 'log'),
      RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
      RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
      RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
      RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    };
  }

  init(): void {
    const dir = this.options.dataDir;
    mkdirSync(join(dir, 'mnesia'), { recursive: true });
    mkdirSync(join(dir, 'log'), { recursive: true });
    writeFileSync(join(dir, 'enabled_plugins'), '[rabbitmq_management].\n');
    writeFileSync(join(dir, 'rabbitmq-env.conf'), '');
    writeFileSync(
      join(dir, 'rabbitmq.conf'),
      [
        `listeners.tcp.default = 127.0.0.1:${this.options.port}`,
        `management.tcp.port = ${this.options.managementPort}`,
        'management.tcp.ip = 127.0.0.1',
        // Shared-machine friendly: a small node.
        'vm_memory_high_watermark.relative = 0.2',
        'disk_free_limit.absolute = 200MB',
        '',
      ].join('\n'),
    );
    const cookie = join(dir, '.erlang.cookie');
    if (!existsSync(cookie)) {
      writeFileSync(cookie, `MASHCHAOS${Math.random().toString(36).slice(2).toUpperCase()}`);
      chmodSync(cookie, 0o400);
    }
  }

  async start(): Promise<void> {
    const child = spawn(join(this.sbin, 'rabbitmq-server'), [], {
      env: this.env(),
      detached: true,
      stdio: 'ignore',
    });
    child.unref();
    let exited = false;
    child.once('exit', () => (exited = true));
    // The node registers with epmd a moment after it is started; until then await_startup fails at once.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const result = this.ctl(['await_startup', '--timeout', '60']);
      if (result.status === 0) return;
      if (exited || Date.now() > deadline) ensureOk(result, 'rabbitmq await_startup');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  stop(): void {
    ensureOk(this.ctl(['stop']), 'rabbitmqctl stop');
  }

  stopQuietly(): void {
    this.ctl(['stop']);
  }

  private ctl(args: string[]): SpawnSyncReturns<string> {
    return run(join(this.sbin, 'rabbitmqctl'), ['-n', this.options.nodeName, ...args], this.env());
  }
}

function rabbitSbinDir(): string {
  if (process.env.CHAOS_RABBITMQ_SBIN) return process.env.CHAOS_RABBITMQ_SBIN;
  const base = '/usr/lib/rabbitmq/lib';
  const versions = existsSync(base)
    ? readdirSync(base).filter((name) => name.startsWith('rabbitmq_server-'))
    : [];
  if (!versions.length)
    throw new Error(
      'no RabbitMQ server scripts: set CHAOS_RABBITMQ_SBIN to the directory of rabbitmq-server',
    );
  return join(base, versions.sort().pop()!, 'sbin');
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
