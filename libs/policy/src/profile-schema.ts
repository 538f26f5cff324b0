import 'reflect-metadata';
import {
  AGENCIES,
  CONCERN_CATEGORIES,
  ALERT_KINDS,
  CONSENT_EXCEPTIONS,
  OUTCOMES,
  RAG_RATINGS,
  URGENT_INDICATORS,
} from '@mash/contracts';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import { CHECKS_CLOCK_STARTS, TIMESCALE_UNITS, WEEKDAYS } from './policy-profile';

/**
 * The shape a profile file must have, as class-validator rules. Messages are written to follow the field's
 * dotted path: "timescales.checks.red.unit must be one of hours, working-hours, ...".
 */
const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const eachOneOf = (values: readonly string[]) => `must list only ${values.join(', ')}`;
const WHOLE_UNITS = ['working-days', 'days', 'weeks', 'months'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A given value, or null: undefined (the key left out) is refused, so every profile says what it means. */
function GivenOrNull(property: string) {
  return ValidateIf((object: Record<string, unknown>) => object[property] !== null);
}

/** Days, weeks and months count whole; hours may be fractional (0.5 working hours). */
function WholeForCalendarUnits() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'wholeForCalendarUnits',
      target: object.constructor,
      propertyName,
      options: { message: `must be a whole number for ${WHOLE_UNITS.join(', ')}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const unit = (args.object as { unit?: unknown }).unit;
          return (
            typeof value !== 'number' || !WHOLE_UNITS.includes(unit as string) || Number.isInteger(value)
          );
        },
      },
    });
}

function IsCalendarDate() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: 'must list only real dates as YYYY-MM-DD' },
      validator: {
        validate(value: unknown) {
          if (!Array.isArray(value)) return true;
          return value.every((day) => typeof day === 'string' && ISO_DATE.test(day) && isRealDate(day));
        },
      },
    });
}

function isRealDate(isoDate: string): boolean {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === isoDate;
}

/** The window closes after it opens. */
function EndsAfterStart() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'endsAfterStart',
      target: object.constructor,
      propertyName,
      options: { message: 'must be later than start' },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as { start?: unknown }).start;
          if (typeof value !== 'string' || typeof start !== 'string') return true;
          if (!HH_MM.test(value) || !HH_MM.test(start)) return true;
          return value > start;
        },
      },
    });
}

export class TimescaleSchema {
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(0, { message: 'must not be negative' })
  @WholeForCalendarUnits()
  amount!: number;

  @IsIn(TIMESCALE_UNITS, { message: oneOf(TIMESCALE_UNITS) })
  unit!: string;
}

export class WorkingWindowSchema {
  @IsString({ message: 'must be a time as HH:mm' })
  @Matches(HH_MM, { message: 'must be a time as HH:mm' })
  start!: string;

  @IsString({ message: 'must be a time as HH:mm' })
  @Matches(HH_MM, { message: 'must be a time as HH:mm' })
  @EndsAfterStart()
  end!: string;
}

/** A nested setting that must be given as an object of the right shape. */
function Nested(type: () => new () => object) {
  return (object: object, propertyName: string) => {
    IsDefined({ message: 'must be given' })(object, propertyName);
    IsObject({ message: 'must be a mapping' })(object, propertyName);
    ValidateNested({ message: 'must be a mapping' })(object, propertyName);
    Type(type)(object, propertyName);
  };
}

/** A nested setting that may be null but not left out. */
function NestedOrNull(type: () => new () => object) {
  return (object: object, propertyName: string) => {
    GivenOrNull(propertyName)(object, propertyName);
    Nested(type)(object, propertyName);
  };
}

export class WorkingHoursSchema {}
for (const day of WEEKDAYS) NestedOrNull(() => WorkingWindowSchema)(WorkingHoursSchema.prototype, day);

export class ChecksTimescalesSchema {}
for (const rag of RAG_RATINGS) NestedOrNull(() => TimescaleSchema)(ChecksTimescalesSchema.prototype, rag);

export class DecisionTimescalesSchema {}
for (const rag of RAG_RATINGS) Nested(() => TimescaleSchema)(DecisionTimescalesSchema.prototype, rag);

export class TimescalesSchema {
  @Nested(() => ChecksTimescalesSchema) checks!: ChecksTimescalesSchema;
  @Nested(() => DecisionTimescalesSchema) decision!: DecisionTimescalesSchema;
  @NestedOrNull(() => TimescaleSchema) maximumInHub!: TimescaleSchema | null;
  @NestedOrNull(() => TimescaleSchema) immediateDangerDecision!: TimescaleSchema | null;
  @Nested(() => TimescaleSchema) feedbackToReferrer!: TimescaleSchema;
  @Nested(() => TimescaleSchema) adviceSummary!: TimescaleSchema;
  @Nested(() => TimescaleSchema) allocatedWorkerAlert!: TimescaleSchema;

  @IsOptional()
  @IsIn(CHECKS_CLOCK_STARTS, { message: oneOf(CHECKS_CLOCK_STARTS) })
  checksClockStarts?: string;
}

function AgencyList() {
  return (object: object, propertyName: string) => {
    IsArray({ message: 'must be a list' })(object, propertyName);
    IsIn(AGENCIES, { each: true, message: eachOneOf(AGENCIES) })(object, propertyName);
    ArrayUnique({ message: 'must not repeat an agency' })(object, propertyName);
  };
}

export class ProportionateAgenciesSchema {}
for (const category of CONCERN_CATEGORIES) {
  IsOptional()(ProportionateAgenciesSchema.prototype, category);
  AgencyList()(ProportionateAgenciesSchema.prototype, category);
}

export class AgenciesSchema {
  @AgencyList() always!: string[];
  @Nested(() => ProportionateAgenciesSchema) proportionate!: ProportionateAgenciesSchema;
}

export class ConsentSchema {
  @IsArray({ message: 'must be a list' })
  @IsIn(CONSENT_EXCEPTIONS, { each: true, message: eachOneOf(CONSENT_EXCEPTIONS) })
  @ArrayUnique({ message: 'must not repeat an exception' })
  exceptions!: string[];

  @IsBoolean({ message: 'must be true or false' }) earlyHelpRequiresConsent!: boolean;
}

const PHONE = /^[0-9 +()-]{6,20}$/;

function OutcomeList() {
  return (object: object, propertyName: string) => {
    IsArray({ message: 'must be a list' })(object, propertyName);
    IsIn(OUTCOMES, { each: true, message: eachOneOf(OUTCOMES) })(object, propertyName);
    ArrayUnique({ message: 'must not repeat an outcome' })(object, propertyName);
  };
}

function PhoneOrNull() {
  return (object: object, propertyName: string) => {
    GivenOrNull(propertyName)(object, propertyName);
    Matches(PHONE, { message: 'must be a phone number' })(object, propertyName);
  };
}

export class HubContactSchema {
  @PhoneOrNull() phone!: string | null;
  @PhoneOrNull() outOfHoursPhone!: string | null;
  @GivenOrNull('email') @IsEmail({}, { message: 'must be an email address' }) email!: string | null;
}

/** One team or person an alert is emailed to (Croydon 10: the LADO; Croydon 8: the allocated worker). */
export class DirectoryEntrySchema {
  @IsString({ message: 'must be text' }) @MinLength(1, { message: 'must not be empty' }) name!: string;
  @IsOptional() @IsIn(ALERT_KINDS, { message: oneOf(ALERT_KINDS) }) alert?: string;
  @IsOptional() @IsEmail({}, { message: 'must be an email address' }) email?: string;
  @IsOptional() @Matches(PHONE, { message: 'must be a phone number' }) phone?: string;
}

export class NotificationSettingsSchema {
  @Nested(() => TimescaleSchema) acknowledgement!: TimescaleSchema;
  @Nested(() => TimescaleSchema) phoneCall!: TimescaleSchema;
  @Nested(() => HubContactSchema) hubContact!: HubContactSchema;
  @OutcomeList() familyLetterFor!: string[];
  @OutcomeList() rationaleToReferrerFor!: string[];
  @IsBoolean({ message: 'must be true or false' }) youngPeopleAged16And17Told!: boolean;
  @IsArray({ message: 'must be a list' })
  @ValidateNested({ each: true })
  @Type(() => DirectoryEntrySchema)
  directory!: DirectoryEntrySchema[];
}

export class PolicyProfileSchema {
  /** Optional in the file: the file name is the id, and a file that says otherwise is refused. */
  @IsOptional() @IsString({ message: 'must be text' }) id?: string;
  @IsString({ message: 'must be text' }) @MinLength(1, { message: 'must not be empty' }) hub!: string;
  @IsString({ message: 'must be text' }) @MinLength(1, { message: 'must not be empty' }) protocol!: string;
  @Nested(() => WorkingHoursSchema) workingHours!: WorkingHoursSchema;
  @IsBoolean({ message: 'must be true or false' }) redClockRunsOutsideWorkingHours!: boolean;
  @Nested(() => TimescalesSchema) timescales!: TimescalesSchema;
  @NestedOrNull(() => TimescaleSchema) recentlyClosed!: TimescaleSchema | null;
  @Nested(() => AgenciesSchema) agencies!: AgenciesSchema;
  @IsBoolean({ message: 'must be true or false' }) redMayGoToStrategyDiscussionWithoutChecks!: boolean;

  @IsArray({ message: 'must be a list' })
  @IsIn(URGENT_INDICATORS, { each: true, message: eachOneOf(URGENT_INDICATORS) })
  @ArrayUnique({ message: 'must not repeat an indicator' })
  urgentIndicators!: string[];

  @Nested(() => ConsentSchema) consent!: ConsentSchema;

  /** Who is told what and by when; optional in a hub's own file (defaults: `DEFAULT_NOTIFICATION_SETTINGS`). */
  @IsOptional() @Nested(() => NotificationSettingsSchema) notifications?: NotificationSettingsSchema;

  @IsArray({ message: 'must be a list' })
  @IsCalendarDate()
  @ArrayUnique({ message: 'must not repeat a day' })
  extraClosedDays!: string[];
}
