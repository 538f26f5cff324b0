import type { CheckStatus } from '@mash/contracts';
import { agencyChange, PlannedCheck } from './agency-change';

const check = (agency: PlannedCheck['agency'], status: CheckStatus = 'requested'): PlannedCheck => ({
  checkId: `${agency}-check`,
  agency,
  status,
});

describe('a team manager changes the agencies (Bexley 15: checks with other agencies are proportionate)', () => {
  it('adds agencies newly named and withdraws those left out', () => {
    const change = agencyChange([check('police'), check('education')], ['police', 'health']);
    expect(change).toEqual({ ok: true, add: ['health'], withdraw: [check('education')] });
  });

  it('withdraws an overdue check and one still awaiting consent', () => {
    const change = agencyChange([check('police', 'overdue'), check('health', 'awaiting-consent')], []);
    expect(change).toEqual({
      ok: true,
      add: [],
      withdraw: [check('police', 'overdue'), check('health', 'awaiting-consent')],
    });
  });

  it('asks again an agency whose earlier check was withdrawn', () => {
    const change = agencyChange([check('police', 'cancelled')], ['police']);
    expect(change).toEqual({ ok: true, add: ['police'], withdraw: [] });
  });

  it('refuses to withdraw an agency that has already answered', () => {
    expect(agencyChange([check('police', 'responded'), check('health')], ['health'])).toEqual({
      ok: false,
      refusal: 'withdraws-answered-check',
      agencies: ['police'],
    });
  });

  it('refuses a change that changes nothing', () => {
    expect(agencyChange([check('police'), check('health', 'responded')], ['health', 'police'])).toEqual({
      ok: false,
      refusal: 'unchanged',
      agencies: [],
    });
  });
});
