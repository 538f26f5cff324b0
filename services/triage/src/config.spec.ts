import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from '@mash/platform';
import { PROFILES_DIRECTORY } from '@mash/policy';
import { TriageConfig } from './config';

const common = { PORT: '3002', DATABASE_URL: 'postgres://x@h/db', AMQP_URL: 'amqp://u:p@h/mash' };
const failureOf = (env: Record<string, string>): ConfigurationError => {
  try {
    loadConfig(TriageConfig, env);
  } catch (error) {
    return error as ConfigurationError;
  }
  throw new Error('the configuration was accepted');
};

describe('triage configuration: MASH_PROFILE', () => {
  it('uses croydon for a local run that does not set it', () => {
    expect(loadConfig(TriageConfig, common).profileName).toBe('croydon');
  });

  it('accepts each built-in profile by name', () => {
    for (const name of ['croydon', 'bexley', 'northamptonshire', 'warwickshire', 'blackburn-with-darwen'])
      expect(loadConfig(TriageConfig, { ...common, MASH_PROFILE: name }).profileName).toBe(name);
  });

  it('stops start-up on a wrong name, naming the variable, the value and the profiles there are', () => {
    const error = failureOf({ ...common, MASH_PROFILE: 'bexly' });
    expect(error.variables).toEqual(['MASH_PROFILE']);
    expect(error.message).toContain('MASH_PROFILE');
    expect(error.message).toContain('bexly');
    expect(error.message).toContain('northamptonshire');
  });

  it('stops start-up on a profile file with a wrong value, naming the field and the rule', () => {
    const directory = mkdtempSync(join(tmpdir(), 'mash-profile-'));
    const file = join(directory, 'our-hub.yaml');
    const croydon = readFileSync(join(PROFILES_DIRECTORY, 'croydon.yaml'), 'utf8');
    writeFileSync(
      file,
      croydon.replace('redClockRunsOutsideWorkingHours: true', 'redClockRunsOutsideWorkingHours: sometimes'),
    );
    const error = failureOf({ ...common, MASH_PROFILE: file });
    expect(error.variables).toEqual(['MASH_PROFILE']);
    expect(error.message).toContain('redClockRunsOutsideWorkingHours');
    expect(error.message).toContain(file);
  });

  it('accepts a hub’s own profile file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'mash-profile-'));
    const file = join(directory, 'our-hub.yaml');
    writeFileSync(file, readFileSync(join(PROFILES_DIRECTORY, 'bexley.yaml'), 'utf8'));
    expect(loadConfig(TriageConfig, { ...common, MASH_PROFILE: file }).profileName).toBe(file);
  });

  it('must be set in production, so a hub never screens by another hub’s timescales by default', () => {
    const error = failureOf({ ...common, NODE_ENV: 'production' });
    expect(error.variables).toEqual(['MASH_PROFILE']);
    expect(
      loadConfig(TriageConfig, { ...common, NODE_ENV: 'production', MASH_PROFILE: 'bexley' }).profileName,
    ).toBe('bexley');
  });
});
