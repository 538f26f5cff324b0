import type { Principal } from '@mash/platform';
import {
  actsForAgency,
  assertActsForAgency,
  assertPractitionerOfAgency,
  isAgencyPractitioner,
} from './agency-access';

const somebody = (overrides: Partial<Principal>): Principal => ({ id: 'user-1', roles: [], ...overrides });

describe('who may act for an agency node', () => {
  it('lets a practitioner of this agency in', () => {
    expect(actsForAgency(somebody({ roles: ['agency-practitioner'], agency: 'police' }), 'police')).toBe(
      true,
    );
  });

  it('keeps a practitioner of another agency out', () => {
    expect(actsForAgency(somebody({ roles: ['agency-practitioner'], agency: 'health' }), 'police')).toBe(
      false,
    );
  });

  it('keeps a practitioner whose token names no agency out', () => {
    expect(actsForAgency(somebody({ roles: ['agency-practitioner'] }), 'police')).toBe(false);
  });

  it("lets a hub operator in, but does not count them as the agency's practitioner", () => {
    const operator = somebody({ roles: ['hub-operator'] });
    expect(actsForAgency(operator, 'education')).toBe(true);
    expect(isAgencyPractitioner(operator, 'education')).toBe(false);
  });

  it('keeps other MASH staff out, even a decision maker', () => {
    expect(actsForAgency(somebody({ roles: ['decision-maker'] }), 'police')).toBe(false);
  });

  it('refuses with a 403 problem that names no person', () => {
    expect(() =>
      assertActsForAgency(somebody({ roles: ['agency-practitioner'], agency: 'health' }), 'police'),
    ).toThrow(expect.objectContaining({ status: 403, code: 'not-this-agency' }));
  });

  it("lets only the agency's own practitioners review and answer: not a hub operator, nor another agency", () => {
    expect(() =>
      assertPractitionerOfAgency(somebody({ roles: ['agency-practitioner'], agency: 'police' }), 'police'),
    ).not.toThrow();
    for (const principal of [
      somebody({ roles: ['hub-operator'] }),
      somebody({ roles: ['agency-practitioner'], agency: 'health' }),
      somebody({ roles: ['hub-operator', 'decision-maker'] }),
      undefined,
    ]) {
      expect(() => assertPractitionerOfAgency(principal, 'police')).toThrow(
        expect.objectContaining({ status: 403, code: 'not-this-agencys-practitioner' }),
      );
    }
  });
});
