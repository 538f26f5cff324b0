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
