import { HttpStatus } from '@nestjs/common';
import type { Agency, StaffRole } from '@mash/contracts';
import { DomainError, type Principal } from '@mash/platform';

/**
 * Only the agency's own people reach its node (Croydon 11: "no agency will have access to the others'
 * databases"; Northamptonshire core elements: each agency decides what it shares). A hub operator is
 * not an agency: they see the work list's ids, counts and times (no subject, no concern, no record),
 * and never a check, a candidate or a record.
 */
function hasAgencyRole(principal: Principal | undefined, role: StaffRole, agency: Agency): boolean {
  return !!principal && principal.roles.includes(role) && principal.agency === agency;
}

/** Whether the caller is one of the agency's own practitioners (who may see its checks and records). */
export function isAgencyPractitioner(principal: Principal | undefined, agency: Agency): boolean {
  return hasAgencyRole(principal, 'agency-practitioner', agency);
}

/** Whether the caller may see this node's work list: its practitioners in full, a hub operator as ids and counts. */
export function mayListChecks(principal: Principal | undefined, agency: Agency): boolean {
  return isAgencyPractitioner(principal, agency) || !!principal?.roles.includes('hub-operator');
}

export class NotThisAgencyError extends DomainError {
  constructor(agency: Agency, who = `a ${agency} practitioner`) {
    super('not-this-agency', `this node holds ${agency} records; it needs ${who}`, HttpStatus.FORBIDDEN);
  }
}

export function assertMayListChecks(principal: Principal | undefined, agency: Agency): void {
  if (!mayListChecks(principal, agency))
    throw new NotThisAgencyError(agency, `a ${agency} practitioner or a hub operator`);
}

/** Loading records replaces what the agency holds: its own records administrators only. */
export function assertRecordsAdminOfAgency(principal: Principal | undefined, agency: Agency): void {
  if (!hasAgencyRole(principal, 'agency-records-admin', agency))
    throw new NotThisAgencyError(agency, `a ${agency} records administrator (agency-records-admin)`);
}

/** The disclosure log is the agency's own: its auditors only, not the hub's nor another agency's. */
export function assertAuditorOfAgency(principal: Principal | undefined, agency: Agency): void {
  if (!hasAgencyRole(principal, 'auditor', agency))
    throw new NotThisAgencyError(agency, `a ${agency} auditor`);
}

export class NotThisAgencysPractitionerError extends DomainError {
  constructor(agency: Agency) {
    super(
      'not-this-agencys-practitioner',
      `only a ${agency} practitioner may see, review or answer ${agency} checks`,
      HttpStatus.FORBIDDEN,
    );
  }
}

/**
 * Seeing a check, reviewing candidates and answering are an agency's own professional business: only
 * its own practitioners may, never a hub operator nor another agency's practitioner.
 */
export function assertPractitionerOfAgency(principal: Principal | undefined, agency: Agency): void {
  if (!isAgencyPractitioner(principal, agency)) throw new NotThisAgencysPractitionerError(agency);
}
