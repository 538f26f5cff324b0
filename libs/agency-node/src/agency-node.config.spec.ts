import { loadConfig } from '@mash/platform';
import { AgencyNodeConfig, agencyNodeSettings } from './agency-node.config';

const common = { PORT: '3003', DATABASE_URL: 'postgres://x@h/db', AMQP_URL: 'amqp://u:p@h/mash' };

describe('agency node configuration', () => {
  it('answers nothing by itself unless AUTO_NO_TRACE is set', () => {
    expect(agencyNodeSettings(loadConfig(AgencyNodeConfig, common))).toEqual({ autoNoTrace: false });
  });

  it('reads AUTO_NO_TRACE=true and =false as they say (never "false" as true)', () => {
    expect(loadConfig(AgencyNodeConfig, { ...common, AUTO_NO_TRACE: 'true' }).AUTO_NO_TRACE).toBe(true);
    expect(loadConfig(AgencyNodeConfig, { ...common, AUTO_NO_TRACE: ' TRUE ' }).AUTO_NO_TRACE).toBe(true);
    expect(loadConfig(AgencyNodeConfig, { ...common, AUTO_NO_TRACE: 'false' }).AUTO_NO_TRACE).toBe(false);
  });

  it('stops start-up naming AUTO_NO_TRACE when it is neither true nor false', () => {
    expect(() => loadConfig(AgencyNodeConfig, { ...common, AUTO_NO_TRACE: 'yes' })).toThrow(
      /AUTO_NO_TRACE: AUTO_NO_TRACE must be true or false/,
    );
  });
});
