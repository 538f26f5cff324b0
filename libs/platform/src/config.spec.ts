import { loadConfig, ServiceConfig } from './config';

const valid = { PORT: '3001', DATABASE_URL: 'postgres://x@h/db', AMQP_URL: 'amqp://u:p@h/mash' };

describe('loadConfig', () => {
  it('converts and defaults the variables', () => {
    const config = loadConfig(ServiceConfig, valid);
    expect(config.PORT).toBe(3001);
    expect(config.AMQP_PREFETCH).toBe(10);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('stops start-up naming each wrong or missing variable', () => {
    expect(() => loadConfig(ServiceConfig, { PORT: '99999', AMQP_URL: 'amqp://h' })).toThrow(
      /PORT.*DATABASE_URL|DATABASE_URL.*PORT/,
    );
  });

  it('refuses the development issuer in production', () => {
    expect(() =>
      loadConfig(ServiceConfig, {
        ...valid,
        NODE_ENV: 'production',
        AUTH_DEV_SECRET: 'mash-hub-development-secret',
      }),
    ).toThrow('AUTH_DEV_SECRET');
  });
});

describe('loadConfig fails closed (issue 15)', () => {
  const published = 'mash-hub-development-secret-change-me';

  it('refuses the published development secret wherever NODE_ENV is not development or test', () => {
    for (const NODE_ENV of [undefined, 'production']) {
      expect(() => loadConfig(ServiceConfig, { ...valid, NODE_ENV, AUTH_DEV_SECRET: published })).toThrow(
        'AUTH_DEV_SECRET',
      );
    }
    for (const NODE_ENV of ['development', 'test']) {
      expect(
        loadConfig(ServiceConfig, { ...valid, NODE_ENV, AUTH_DEV_SECRET: published }).AUTH_DEV_SECRET,
      ).toBe(published);
    }
  });

  it('needs AUTH_ISSUER and AUTH_AUDIENCE with an identity provider, naming each', () => {
    const error = (() => {
      try {
        loadConfig(ServiceConfig, { ...valid, AUTH_JWKS_URL: 'https://idp.example/jwks' });
      } catch (caught) {
        return caught as { variables: string[] };
      }
    })();
    expect(error?.variables).toEqual(expect.arrayContaining(['AUTH_ISSUER', 'AUTH_AUDIENCE']));
  });

  it('fetches the key set over https only, outside development and test', () => {
    const idp = { AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'mash' };
    expect(() =>
      loadConfig(ServiceConfig, {
        ...valid,
        ...idp,
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'http://idp.example/jwks',
      }),
    ).toThrow('AUTH_JWKS_URL');
    expect(
      loadConfig(ServiceConfig, {
        ...valid,
        ...idp,
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'https://idp.example/jwks',
      }).AUTH_JWKS_URL,
    ).toBe('https://idp.example/jwks');
    expect(
      loadConfig(ServiceConfig, {
        ...valid,
        ...idp,
        NODE_ENV: 'test',
        AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
      }).AUTH_JWKS_URL,
    ).toBe('http://127.0.0.1:9/jwks');
  });

  it('refuses a development password in a database or broker URL in production', () => {
    const idp = {
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'mash',
      AUTH_JWKS_URL: 'https://idp.example/j',
    };
    expect(() =>
      loadConfig(ServiceConfig, {
        ...valid,
        ...idp,
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://mash_intake:mash_intake-dev-password@db/mash_intake',
      }),
    ).toThrow('DATABASE_URL');
    expect(() =>
      loadConfig(ServiceConfig, {
        ...valid,
        ...idp,
        NODE_ENV: 'production',
        AMQP_URL: 'amqp://intake:intake-dev-password@broker/mash',
      }),
    ).toThrow('AMQP_URL');
    expect(loadConfig(ServiceConfig, { ...valid, ...idp, NODE_ENV: 'production' }).NODE_ENV).toBe(
      'production',
    );
  });
});
