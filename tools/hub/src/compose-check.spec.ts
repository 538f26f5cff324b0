import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SERVICES } from '@mash/contracts';
import { SERVICE_PORTS, serviceEnv } from './provisioning/options';

/**
 * There is no Docker engine where the tests run, so docker-compose.yml and the Dockerfiles are checked
 * by reading them: every service is there, built from a Dockerfile that exists, on its port, with the
 * same credentials provisioning gives it, and started only after provisioning has succeeded.
 */
const ROOT = join(__dirname, '..', '..', '..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** What provisioning gives each service inside the compose network (development passwords). */
const composeEnv = (service: (typeof SERVICES)[number]) =>
  serviceEnv(
    service,
    {
      vhost: 'mash',
      dbPrefix: 'mash',
      pgHost: 'postgres',
      pgPort: 5432,
      amqpHost: 'rabbitmq',
      amqpPort: 5672,
      keysDir: '/keys',
    },
    {},
  );

/** Every workspace of the root package.json, as folders. */
function workspaces(): string[] {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
  return root.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(ROOT, parent))
      .filter((name) => existsSync(join(ROOT, parent, name, 'package.json')))
      .map((name) => `${parent}/${name}`);
  });
}

function buildStage(dockerfile: string): string {
  return dockerfile.slice(
    dockerfile.indexOf('FROM '),
    dockerfile.indexOf('FROM ', dockerfile.indexOf('FROM ') + 1),
  );
}

describe('docker-compose.yml', () => {
  it('publishes the management UI and Mailpit on 127.0.0.1 only, and ships no token secret', () => {
    expect(compose.services.rabbitmq.ports).toEqual(['127.0.0.1:15673:15672']);
    expect(compose.services.mailpit.ports).toEqual(['127.0.0.1:8025:8025']);
    expect(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')).not.toContain(
      'mash-hub-development-secret-change-me',
    );
  });

  it('has the infrastructure: RabbitMQ with management, PostgreSQL 15 and Mailpit', () => {
    expect(compose.services.rabbitmq.image).toMatch(/^rabbitmq:3\.13-management/);
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(compose.services.mailpit.image).toMatch(/^axllent\/mailpit/);
  });

  it('has a one-shot provision service, built from a Dockerfile that exists, after the broker and database are healthy', () => {
    const provision = compose.services.provision;
    expect(provision.build?.context).toBe('.');
    expect(existsSync(join(ROOT, provision.build!.dockerfile))).toBe(true);
    expect(provision.depends_on).toEqual({
      rabbitmq: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
    });
    expect(provision.environment).toMatchObject({
      RABBITMQ_MANAGEMENT_URL: expect.stringContaining('@rabbitmq:15672'),
      RABBITMQ_ADMIN_URL: expect.stringContaining('@rabbitmq:5672'),
      PG_ADMIN_URL: expect.stringContaining('@postgres:5432/'),
      MASH_KEYS_DIR: '/keys',
    });
    expect(provision.volumes).toContain('signing-keys:/keys');
  });

  it.each(SERVICES)(
    'runs %s from its Dockerfile, on its port, after provisioning, as provisioning configured it',
    (name) => {
      const service = compose.services[name];
      expect(service).toBeDefined();
      expect(service.build?.context).toBe('.');
      expect(service.build?.dockerfile).toBe(`services/${name}/Dockerfile`);
      expect(existsSync(join(ROOT, 'services', name, 'Dockerfile'))).toBe(true);
      expect(service.depends_on?.provision).toEqual({ condition: 'service_completed_successfully' });

      const port = SERVICE_PORTS[name];
      const env = service.environment ?? {};
      expect(String(env.PORT)).toBe(String(port));
      // Published on this machine only (issue 15).
      expect(service.ports).toEqual([`127.0.0.1:${port}:${port}`]);
      const expected = composeEnv(name);
      expect(env.DATABASE_URL).toBe(expected.DATABASE_URL);
      expect(env.AMQP_URL).toBe(expected.AMQP_URL);
      // No usable token secret ships: compose stops unless the deployer gives one.
      expect(env.AUTH_DEV_SECRET).toMatch(/^\$\{AUTH_DEV_SECRET:\?/);
      expect(env.AUTH_DEV_SECRET).not.toContain(expected.AUTH_DEV_SECRET);
      if (name === 'notifications') expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
      // Agency nodes sign with their key; decision verifies with the trusted list (signing-keys volume).
      expect(env.MESSAGE_SIGNING_KEY_FILE).toBe(expected.MESSAGE_SIGNING_KEY_FILE);
      expect(env.TRUSTED_SIGNING_KEYS_FILE).toBe(expected.TRUSTED_SIGNING_KEYS_FILE);
      if (expected.MESSAGE_SIGNING_KEY_FILE || expected.TRUSTED_SIGNING_KEYS_FILE) {
        expect(service.volumes).toContain('signing-keys:/keys:ro');
      }
    },
  );
});

describe('the Dockerfiles', () => {
  const dockerfiles = [
    ...SERVICES.map((name) => `services/${name}/Dockerfile`),
    'deploy/Dockerfile.provision',
  ];
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

  it.each(dockerfiles)('%s installs from every workspace package.json (npm ci needs them all)', (path) => {
    const stage = buildStage(read(path));
    for (const workspace of workspaces()) {
      expect(stage).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    }
    expect(stage).toMatch(/FROM node:20-bookworm-slim AS build/);
    expect(stage).toContain('RUN npm ci');
    expect(stage).toContain('npm run build');
  });

  it.each(SERVICES)('services/%s/Dockerfile runs it as a non-root user, with a health check', (name) => {
    const dockerfile = read(`services/${name}/Dockerfile`);
    expect(dockerfile).toContain(`CMD ["node", "services/${name}/dist/main.js"]`);
    expect(dockerfile).toMatch(/\nUSER node\n/);
    expect(dockerfile).toMatch(/\nHEALTHCHECK .*\n.*\/health/);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain(`ENV NODE_ENV=production PORT=${SERVICE_PORTS[name]}`);
  });

  it('share one build stage, so BuildKit builds the monorepo once for all the images', () => {
    const stages = new Set(dockerfiles.map((path) => buildStage(read(path))));
    expect(stages.size).toBe(1);
  });

  it('.dockerignore keeps local builds and modules out of the context', () => {
    const ignore = read('.dockerignore').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git']));
  });
});
