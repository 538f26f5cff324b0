import type { Principal } from '@mash/platform';
import {
  assertAuditorOfAgency,
  assertMayListChecks,
  assertPractitionerOfAgency,
  assertRecordsAdminOfAgency,
  isAgencyPractitioner,
  mayListChecks,
} from './agency-access';

const somebody = (overrides: Partial<Principal>): Principal => ({ id: 'user-1', roles: [], ...overrides });

describe('who may reach an agency node', () => {
  it('lets a practitioner of this agency see the work list and its checks', () => {
    const practitioner = somebody({ roles: ['agency-practitioner'], agency: 'police' });
    expect(mayListChecks(practitioner, 'police')).toBe(true);
    expect(() => assertPractitionerOfAgency(practitioner, 'police')).not.toThrow();
  });

  it('keeps a practitioner of another agency, or of none, out', () => {
    expect(mayListChecks(somebody({ roles: ['agency-practitioner'], agency: 'health' }), 'police')).toBe(
      false,
    );
    expect(mayListChecks(somebody({ roles: ['agency-practitioner'] }), 'police')).toBe(false);
  });

  it('lets a hub operator see the work list (ids and counts) but never a check: a hub operator is not an agency', () => {
    const operator = somebody({ roles: ['hub-operator'] });
    expect(mayListChecks(operator, 'education')).toBe(true);
    expect(isAgencyPractitioner(operator, 'education')).toBe(false);
    expect(() => assertPractitionerOfAgency(operator, 'education')).toThrow(
      expect.objectContaining({ status: 403, code: 'not-this-agencys-practitioner' }),
    );
  });

  it('keeps other MASH staff out, even a decision maker', () => {
    expect(() => assertMayListChecks(somebody({ roles: ['decision-maker'] }), 'police')).toThrow(
      expect.objectContaining({ status: 403, code: 'not-this-agency' }),
    );
  });

  it("lets only the agency's own practitioners review and answer: not a hub operator, nor another agency", () => {
    for (const principal of [
      somebody({ roles: ['hub-operator'] }),
      somebody({ roles: ['agency-practitioner'], agency: 'health' }),
      somebody({ roles: ['hub-operator', 'decision-maker'] }),
      somebody({ roles: ['agency-records-admin'], agency: 'police' }),
      undefined,
    ]) {
      expect(() => assertPractitionerOfAgency(principal, 'police')).toThrow(
        expect.objectContaining({ status: 403, code: 'not-this-agencys-practitioner' }),
      );
    }
  });

  it("lets only the agency's own records administrators load its records", () => {
    expect(() =>
      assertRecordsAdminOfAgency(somebody({ roles: ['agency-records-admin'], agency: 'police' }), 'police'),
    ).not.toThrow();
    for (const principal of [
      somebody({ roles: ['hub-operator'] }),
      somebody({ roles: ['agency-practitioner'], agency: 'police' }),
      somebody({ roles: ['agency-records-admin'], agency: 'health' }),
      somebody({ roles: ['agency-records-admin'] }),
    ]) {
      expect(() => assertRecordsAdminOfAgency(principal, 'police')).toThrow(
        expect.objectContaining({ status: 403, code: 'not-this-agency' }),
      );
    }
  });

  it("lets only the agency's own auditors read its disclosure log, not the hub's nor another agency's", () => {
    expect(() =>
      assertAuditorOfAgency(somebody({ roles: ['auditor'], agency: 'health' }), 'health'),
    ).not.toThrow();
    for (const principal of [
      somebody({ roles: ['auditor'] }),
      somebody({ roles: ['auditor'], agency: 'police' }),
      somebody({ roles: ['agency-practitioner'], agency: 'health' }),
    ]) {
      expect(() => assertAuditorOfAgency(principal, 'health')).toThrow(
        expect.objectContaining({ status: 403 }),
      );
    }
  });
});
