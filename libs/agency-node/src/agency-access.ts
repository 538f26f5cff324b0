import { HttpStatus } from '@nestjs/common';
import type { Agency } from '@mash/contracts';
import { DomainError, type Principal } from '@mash/platform';

/**
 * Who may work on this node's records and checks: a hub operator, or a practitioner of this very
 * agency. A health practitioner's token never opens the police node.
 */
export function actsForAgency(principal: Principal | undefined, agency: Agency): boolean {
  if (!principal) return false;
  if (principal.roles.includes('hub-operator')) return true;
  return principal.roles.includes('agency-practitioner') && principal.agency === agency;
}

/** Whether the caller is one of the agency's own practitioners (who may see its mash-only details). */
export function isAgencyPractitioner(principal: Principal | undefined, agency: Agency): boolean {
  return !!principal && principal.roles.includes('agency-practitioner') && principal.agency === agency;
}

export class NotThisAgencyError extends DomainError {
  constructor(agency: Agency) {
    super(
      'not-this-agency',
      `this node holds ${agency} records; it needs a ${agency} practitioner or a hub operator`,
      HttpStatus.FORBIDDEN,
    );
  }
}

export function assertActsForAgency(principal: Principal | undefined, agency: Agency): void {
  if (!actsForAgency(principal, agency)) throw new NotThisAgencyError(agency);
}

export class NotThisAgencysPractitionerError extends DomainError {
  constructor(agency: Agency) {
    super(
      'not-this-agencys-practitioner',
      `only a ${agency} practitioner may review or answer ${agency} checks`,
      HttpStatus.FORBIDDEN,
    );
  }
}

/**
 * Reviewing candidates and answering are an agency's own professional judgement: only its own
 * practitioners may do them, never a hub operator nor another agency's practitioner.
 */
export function assertPractitionerOfAgency(principal: Principal | undefined, agency: Agency): void {
  if (!isAgencyPractitioner(principal, agency)) throw new NotThisAgencysPractitionerError(agency);
}
