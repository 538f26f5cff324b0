import { ConfigurationError, loadConfig } from '@mash/platform';
import { DecisionConfig } from './config';

const BASE = {
  PORT: '3006',
  DATABASE_URL: 'postgres://decision@127.0.0.1:5432/mash_decision',
  AMQP_URL: 'amqp://decision:secret@127.0.0.1:5672/mash',
  AUTH_DEV_SECRET: 'a-development-secret-of-enough-length',
};

function failure(env: Record<string, string>): ConfigurationError {
  try {
    loadConfig(DecisionConfig, { ...BASE, ...env });
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('decision configuration: MASH_PROFILE, the profile deadlines are recomputed with', () => {
  it('uses croydon for a local run that does not set it', () => {
    expect(loadConfig(DecisionConfig, BASE).profileName).toBe('croydon');
  });

  it('takes the profile triage screens with', () => {
    expect(loadConfig(DecisionConfig, { ...BASE, MASH_PROFILE: 'bexley' }).profileName).toBe('bexley');
  });

  it('stops start-up on a profile that does not exist, naming the variable', () => {
    expect(failure({ MASH_PROFILE: 'atlantis' }).variables).toContain('MASH_PROFILE');
  });

  it('must be set in production, so deadlines are never recomputed by another hub’s timescales', () => {
    expect(failure({ NODE_ENV: 'production', AUTH_DEV_SECRET: '' }).variables).toContain('MASH_PROFILE');
  });
});
