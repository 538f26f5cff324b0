import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { AgencyRecordKinds, FactDetails } from '@mash/agency-node';

/** The person's part in a police fact. */
export const POLICE_FACT_ROLES = ['victim', 'suspect', 'offender', 'witness', 'person-of-concern'] as const;

/**
 * How sensitive police consider a fact. `sensitive` is information that must not leave the MASH
 * (a live investigation, covert work, national security: Northamptonshire 11), so it is always
 * mash-only whatever the line's classification says.
 */
export const POLICE_SENSITIVITIES = ['standard', 'sensitive'] as const;

export const INCIDENT_TYPES = [
  'domestic-abuse',
  'concern-for-welfare',
  'missing-person',
  'child-protection',
  'anti-social-behaviour',
  'public-order',
  'mental-health',
  'other',
] as const;

/** Broad Home Office offence groups. */
export const OFFENCE_TYPES = [
  'violence-against-the-person',
  'sexual-offence',
  'robbery',
  'burglary',
  'theft',
  'criminal-damage',
  'drugs',
  'possession-of-weapons',
  'public-order',
  'online-offence',
  'other',
] as const;

export const CRIME_OUTCOMES = [
  'under-investigation',
  'charged',
  'cautioned',
  'community-resolution',
  'no-further-action',
  'convicted',
  'acquitted',
] as const;

export const INTELLIGENCE_TYPES = [
  'drugs',
  'child-criminal-exploitation',
  'child-sexual-exploitation',
  'weapons',
  'violence',
  'gangs',
  'associates',
  'other',
] as const;

/** DASH risk level of a domestic abuse incident. */
export const DASH_RISK_LEVELS = ['standard', 'medium', 'high'] as const;

/** A police reference (incident log, crime number): letters, digits and /-. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/ -]*$/;

class PoliceFactDetails {
  @IsIn(POLICE_SENSITIVITIES) sensitivity!: (typeof POLICE_SENSITIVITIES)[number];
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(REFERENCE, { message: '$property must be a police reference of letters, digits, spaces and /-' })
  reference?: string;
}

export class IncidentDetails extends PoliceFactDetails {
  @IsIn(INCIDENT_TYPES) type!: (typeof INCIDENT_TYPES)[number];
  /** For a domestic abuse incident: the DASH risk level. */
  @IsOptional() @IsIn(DASH_RISK_LEVELS) dashRisk?: (typeof DASH_RISK_LEVELS)[number];
}

export class CrimeDetails extends PoliceFactDetails {
  @IsIn(OFFENCE_TYPES) type!: (typeof OFFENCE_TYPES)[number];
  /** Flagged domestic-abuse-related, whatever the offence. */
  @IsOptional() @IsBoolean() domesticAbuse?: boolean;
  @IsOptional() @IsIn(CRIME_OUTCOMES) outcome?: (typeof CRIME_OUTCOMES)[number];
}

export class IntelligenceDetails extends PoliceFactDetails {
  @IsIn(INTELLIGENCE_TYPES) type!: (typeof INTELLIGENCE_TYPES)[number];
}

const sensitive = (details: FactDetails) => details.sensitivity === 'sensitive';
const typeWords = (details: FactDetails) =>
  typeof details.type === 'string' ? details.type.replace(/-/g, ' ') : undefined;

/**
 * What police records hold about a person: incidents, crimes and intelligence, each with its date,
 * type, the person's role and its sensitivity. Intelligence is soft information (reports of frequent
 * visitors, possible drug dealing): always mash-only (Northamptonshire 11).
 */
export const POLICE_RECORD_KINDS: AgencyRecordKinds = {
  kinds: {
    incident: {
      label: 'Incident',
      roles: POLICE_FACT_ROLES,
      details: IncidentDetails,
      analysable: ['type', 'sensitivity', 'dashRisk'],
      mashOnlyWhen: sensitive,
      heading: typeWords,
    },
    crime: {
      label: 'Crime',
      roles: POLICE_FACT_ROLES,
      details: CrimeDetails,
      analysable: ['type', 'sensitivity', 'domesticAbuse', 'outcome'],
      mashOnlyWhen: sensitive,
      heading: typeWords,
    },
    intelligence: {
      label: 'Intelligence',
      roles: POLICE_FACT_ROLES,
      details: IntelligenceDetails,
      analysable: ['type', 'sensitivity'],
      alwaysMashOnly: true,
      heading: typeWords,
    },
  },
};
