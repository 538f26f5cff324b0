import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { AgencyRecordKinds, FactDetails } from '@mash/agency-node';
import { IsCalendarDate } from '@mash/contracts';

const SETTING_MAX = 120;

export const SETTING_TYPES = [
  'early-years',
  'primary',
  'secondary',
  'all-through',
  'special',
  'alternative-provision',
  'college',
  'independent',
  'elective-home-education',
] as const;

/** A school or setting the child is or was on the roll of; the fact's date is when they joined. */
export class SchoolDetails {
  @IsString() @IsNotEmpty() @MaxLength(SETTING_MAX) setting!: string;
  /** The setting's unique reference number. */
  @IsOptional() @IsString() @Matches(/^\d{6}$/, { message: '$property must be a 6-digit URN' }) urn?: string;
  @IsIn(SETTING_TYPES) settingType!: (typeof SETTING_TYPES)[number];
  /** When the child left; absent while on roll. */
  @IsOptional() @IsCalendarDate() leftOn?: string;
}

export const TERMS = ['autumn', 'spring', 'summer', 'year'] as const;

/** Attendance over a term or a year; the fact's date is the end of the period. */
export class AttendanceDetails {
  @Matches(/^\d{4}\/\d{2}$/, { message: '$property must be an academic year such as 2025/26' })
  academicYear!: string;
  @IsIn(TERMS) term!: (typeof TERMS)[number];
  @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(100) attendancePercent!: number;
  @IsOptional() @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(100) unauthorisedPercent?: number;
}

export const EXCLUSION_TYPES = ['suspension', 'permanent-exclusion'] as const;
/** The Department for Education's reasons, shortened to codes. */
export const EXCLUSION_REASONS = [
  'physical-assault-pupil',
  'physical-assault-adult',
  'verbal-abuse-pupil',
  'verbal-abuse-adult',
  'bullying',
  'racist-abuse',
  'sexual-misconduct',
  'drugs-alcohol',
  'damage',
  'theft',
  'persistent-disruptive-behaviour',
  'use-of-weapon',
  'wilful-refusal',
  'online-behaviour',
  'other',
] as const;

export class ExclusionDetails {
  @IsIn(EXCLUSION_TYPES) type!: (typeof EXCLUSION_TYPES)[number];
  @IsIn(EXCLUSION_REASONS) reason!: (typeof EXCLUSION_REASONS)[number];
  /** Length of a suspension in school days. */
  @IsOptional() @IsNumber({ maxDecimalPlaces: 1 }) @Min(0.5) @Max(45) days?: number;
}

/** The SEN2 primary need types, as codes. */
export const SEN_PRIMARY_NEEDS = [
  'speech-language-communication',
  'autism',
  'specific-learning-difficulty',
  'moderate-learning-difficulty',
  'severe-learning-difficulty',
  'profound-multiple-learning-difficulty',
  'social-emotional-mental-health',
  'hearing-impairment',
  'visual-impairment',
  'multi-sensory-impairment',
  'physical-disability',
  'other',
] as const;

export class SenSupportDetails {
  @IsIn(SEN_PRIMARY_NEEDS) primaryNeed!: (typeof SEN_PRIMARY_NEEDS)[number];
}

export const EHCP_STATUSES = ['requested', 'assessing', 'issued', 'ceased'] as const;

export class EhcpDetails {
  @IsIn(SEN_PRIMARY_NEEDS) primaryNeed!: (typeof SEN_PRIMARY_NEEDS)[number];
  @IsIn(EHCP_STATUSES) status!: (typeof EHCP_STATUSES)[number];
}

export const MISSING_EDUCATION_STATUSES = ['missing', 'found', 'closed'] as const;
export const MISSING_EDUCATION_REASONS = [
  'not-on-roll',
  'left-without-destination',
  'moved-away',
  'elective-home-education-concern',
  'other',
] as const;

/** A child missing education (CME); the fact's date is when it was reported. */
export class MissingEducationDetails {
  @IsIn(MISSING_EDUCATION_STATUSES) status!: (typeof MISSING_EDUCATION_STATUSES)[number];
  @IsIn(MISSING_EDUCATION_REASONS) reason!: (typeof MISSING_EDUCATION_REASONS)[number];
}

/**
 * An Operation Encompass notification: police tell the school, before the next school day, that the
 * child was involved in or exposed to a domestic abuse incident. The fact's date is the incident's.
 */
export class OperationEncompassDetails {
  @IsCalendarDate() notifiedOn!: string;
  @IsBoolean() childPresent!: boolean;
}

const codeWords = (field: string) => (details: FactDetails) =>
  typeof details[field] === 'string' ? String(details[field]).replace(/-/g, ' ') : undefined;

/**
 * What education records hold about a child: school and setting, attendance, exclusions, special
 * educational needs and EHCP, children missing education and Operation Encompass domestic abuse
 * notifications to the school, each with its own fields. Education classifies each fact itself.
 */
export const EDUCATION_RECORD_KINDS: AgencyRecordKinds = {
  kinds: {
    school: {
      label: 'School',
      details: SchoolDetails,
      analysable: ['settingType', 'leftOn'],
      heading: codeWords('settingType'),
    },
    attendance: {
      label: 'Attendance',
      details: AttendanceDetails,
      analysable: ['term', 'attendancePercent', 'unauthorisedPercent'],
      heading: (details) =>
        typeof details.attendancePercent === 'number' ? `${details.attendancePercent}%` : undefined,
    },
    exclusion: {
      label: 'Exclusion',
      details: ExclusionDetails,
      analysable: ['type', 'reason', 'days'],
      heading: codeWords('type'),
    },
    sen: {
      label: 'SEN support',
      details: SenSupportDetails,
      analysable: ['primaryNeed'],
      heading: codeWords('primaryNeed'),
    },
    ehcp: {
      label: 'EHCP',
      details: EhcpDetails,
      analysable: ['primaryNeed', 'status'],
      heading: codeWords('status'),
    },
    'missing-education': {
      label: 'Missing education',
      details: MissingEducationDetails,
      analysable: ['status', 'reason'],
      heading: codeWords('status'),
    },
    'operation-encompass': {
      label: 'Operation Encompass',
      details: OperationEncompassDetails,
      analysable: ['notifiedOn', 'childPresent'],
      heading: (details) => (details.childPresent === true ? 'child present' : undefined),
    },
  },
};
