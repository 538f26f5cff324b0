import { SERVICES } from '@mash/contracts';
import { resolveProvisionOptions, serviceEnv, upperSnake } from './options';

describe('provisioning passwords', () => {
  it('uses the development passwords for a local run', () => {
    const options = resolveProvisionOptions({}, {});
    expect(options.brokerPasswords.intake).toBe('intake-dev-password');
    expect(options.dbPasswords.decision).toBe('mash_decision-dev-password');
  });

  it('refuses, in production, to fall back to any development password, naming every variable missing', () => {
    expect(() =>
      resolveProvisionOptions({}, { NODE_ENV: 'production', BROKER_PASSWORD_INTAKE: 's3cret-one' }),
    ).toThrow(/DB_PASSWORD_INTAKE.*BROKER_PASSWORD_TRIAGE/);
    expect(() =>
      resolveProvisionOptions({}, { NODE_ENV: 'production', BROKER_PASSWORD_INTAKE: 'intake-dev-password' }),
    ).toThrow(/BROKER_PASSWORD_INTAKE/);
  });

  it('accepts production when every password is given', () => {
    const env: Record<string, string> = { NODE_ENV: 'production' };
    for (const service of SERVICES) {
      env[`BROKER_PASSWORD_${upperSnake(service)}`] = `broker-${service}-x9`;
      env[`DB_PASSWORD_${upperSnake(service)}`] = `db-${service}-x9`;
      env[`DB_MIGRATION_PASSWORD_${upperSnake(service)}`] = `migrator-${service}-x9`;
    }
    const options = resolveProvisionOptions({}, env);
    expect(options.brokerPasswords['police-checks']).toBe('broker-police-checks-x9');
    expect(serviceEnv('intake', {}, env).DATABASE_URL).toContain('db-intake-x9');
  });
});
