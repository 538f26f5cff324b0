import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { AgencyRecordKinds, FactDetails } from '@mash/agency-node';
import { IsCalendarDate } from '@mash/contracts';

const PLACE_MAX = 120;

export const GP_REGISTRATION_STATUSES = ['registered', 'temporary', 'deregistered'] as const;

export class GpRegistrationDetails {
  /** The practice's name. */
  @IsString() @IsNotEmpty() @MaxLength(PLACE_MAX) practice!: string;
  /** The practice's ODS code. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][0-9A-Z]{2,5}$/, { message: '$property must be an ODS code such as F84003' })
  odsCode?: string;
  @IsIn(GP_REGISTRATION_STATUSES) status!: (typeof GP_REGISTRATION_STATUSES)[number];
}

export const ED_ATTENDANCE_REASONS = [
  'injury',
  'illness',
  'self-harm',
  'overdose',
  'ingestion',
  'assault',
  'mental-health',
  'other',
] as const;

export class EdAttendanceDetails {
  /** The hospital. */
  @IsString() @IsNotEmpty() @MaxLength(PLACE_MAX) site!: string;
  @IsIn(ED_ATTENDANCE_REASONS) reason!: (typeof ED_ATTENDANCE_REASONS)[number];
  @IsBoolean() admitted!: boolean;
}

export const MATERNITY_STAGES = ['booking', 'antenatal', 'birth', 'postnatal'] as const;

export class MaternityDetails {
  @IsIn(MATERNITY_STAGES) stage!: (typeof MATERNITY_STAGES)[number];
  @IsOptional() @IsCalendarDate() expectedDueDate?: string;
  /** Appointments missed in this stage. */
  @IsOptional() @IsInt() @Min(0) @Max(99) missedAppointments?: number;
}

/** The healthy child programme's mandated contacts, and any other. */
export const HEALTH_VISITING_CONTACTS = [
  'antenatal',
  'new-birth',
  '6-8-week',
  '1-year',
  '2-2.5-year',
  'additional',
] as const;
/** `not-brought`: the child was not brought to the appointment, a recognised neglect indicator. */
export const HEALTH_VISITING_OUTCOMES = ['seen', 'not-brought', 'declined', 'no-access'] as const;

const HEALTH_VISITING_CONTACT_WORDS: Record<string, string> = {
  antenatal: 'antenatal contact',
  'new-birth': 'new birth visit',
  '6-8-week': '6-8 week review',
  '1-year': '1 year review',
  '2-2.5-year': '2-2.5 year review',
  additional: 'additional contact',
};

export class HealthVisitingDetails {
  @IsIn(HEALTH_VISITING_CONTACTS) contact!: (typeof HEALTH_VISITING_CONTACTS)[number];
  @IsIn(HEALTH_VISITING_OUTCOMES) outcome!: (typeof HEALTH_VISITING_OUTCOMES)[number];
}

export const MENTAL_HEALTH_SERVICES = [
  'camhs',
  'adult-community',
  'crisis',
  'inpatient',
  'perinatal',
  'talking-therapies',
] as const;

export class MentalHealthDetails {
  @IsIn(MENTAL_HEALTH_SERVICES) service!: (typeof MENTAL_HEALTH_SERVICES)[number];
  @IsIn(['open', 'closed']) status!: 'open' | 'closed';
}

/** What the Child Protection – Information Sharing (CP-IS) flag records. */
export const CP_IS_PLANS = [
  'child-protection-plan',
  'looked-after-child',
  'unborn-child-protection-plan',
] as const;

export class ChildProtectionFlagDetails {
  @IsIn(CP_IS_PLANS) plan!: (typeof CP_IS_PLANS)[number];
  /** The local authority responsible for the plan, whom health staff contact. */
  @IsString() @IsNotEmpty() @MaxLength(PLACE_MAX) responsibleAuthority!: string;
  @IsOptional() @IsCalendarDate() endDate?: string;
}

const codeWords = (field: string) => (details: FactDetails) =>
  typeof details[field] === 'string' ? String(details[field]).replace(/-/g, ' ') : undefined;

/**
 * What health records hold about a person: GP registration, emergency department attendances,
 * maternity and health visiting contacts, mental health involvement and the child protection flag
 * (CP-IS), each with its own fields. Health classifies each fact itself; no kind is forced mash-only.
 */
export const HEALTH_RECORD_KINDS: AgencyRecordKinds = {
  kinds: {
    'gp-registration': {
      label: 'GP registration',
      details: GpRegistrationDetails,
      analysable: ['status'],
      heading: codeWords('status'),
    },
    'ed-attendance': {
      label: 'ED attendance',
      details: EdAttendanceDetails,
      analysable: ['reason', 'admitted'],
      heading: codeWords('reason'),
    },
    maternity: {
      label: 'Maternity',
      details: MaternityDetails,
      analysable: ['stage', 'expectedDueDate', 'missedAppointments'],
      heading: codeWords('stage'),
    },
    'health-visiting': {
      label: 'Health visiting',
      details: HealthVisitingDetails,
      analysable: ['contact', 'outcome'],
      heading: (details) =>
        [HEALTH_VISITING_CONTACT_WORDS[String(details.contact)], codeWords('outcome')(details)]
          .filter(Boolean)
          .join(', '),
    },
    'mental-health': {
      label: 'Mental health',
      details: MentalHealthDetails,
      analysable: ['service', 'status'],
      heading: (details) =>
        typeof details.service === 'string'
          ? `${details.service === 'camhs' ? 'CAMHS' : details.service.replace(/-/g, ' ')}, ${String(details.status)}`
          : undefined,
    },
    'child-protection-flag': {
      label: 'Child protection flag (CP-IS)',
      details: ChildProtectionFlagDetails,
      analysable: ['plan', 'endDate'],
      heading: codeWords('plan'),
    },
  },
};
