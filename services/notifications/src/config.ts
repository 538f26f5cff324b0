import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ServiceConfig } from '@mash/platform';
import { DEFAULT_PROFILE, MashProfileVariable } from '@mash/policy';

/** An empty variable (`SMTP_URL=`) means "not configured", as if it were absent. */
const emptyAsAbsent = Transform(({ value }) => (value === '' ? undefined : value));

export class NotificationsConfig extends ServiceConfig {
  /**
   * Where outcome emails are sent, e.g. smtp://127.0.0.1:1025 or smtps://user:pass@mail.example:465.
   * Without it, each email is written as `<id>.eml` (with its `<id>.pdf`) into NOTIFICATIONS_OUTBOX_DIR.
   */
  @emptyAsAbsent
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(1) NOTIFICATIONS_OUTBOX_DIR: string = 'var/outbox';
  @IsOptional() @IsString() @MinLength(3) @MaxLength(200) MAIL_FROM: string = 'MASH Hub <mash@localhost>';
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) HUB_NAME: string = 'Multi-Agency Safeguarding Hub';
  /**
   * TrueType fonts for letters (regular, and bold, which defaults to the regular one). Without them
   * letters use DejaVu Sans where the system has it (fonts-dejavu-core), else the PDF's built-in
   * Helvetica, which shows Western European letters only.
   */
  @emptyAsAbsent @IsOptional() @IsString() LETTER_FONT_FILE?: string;
  @emptyAsAbsent @IsOptional() @IsString() LETTER_BOLD_FONT_FILE?: string;
  /** How often the dispatcher looks for emails that are due. */
  @IsOptional() @IsInt() @Min(10) @Max(60_000) DISPATCH_POLL_MS: number = 500;

  /**
   * The hub's policy profile: when the referrer is acknowledged, which outcomes the family is told by
   * letter, when a strategy discussion's calls are due, the hub's contact details, its directory.
   */
  @MashProfileVariable()
  MASH_PROFILE?: string;

  /**
   * A YAML or JSON list of `{ name, alert?, email?, phone? }`: the teams and workers alerts are emailed
   * to, beside the profile's own directory. Validated at start-up: a wrong entry stops it, naming the entry.
   */
  @emptyAsAbsent @IsOptional() @IsString() TEAM_DIRECTORY_FILE?: string;

  /**
   * `true`: never send without TLS (a server that does not offer STARTTLS fails the attempt, which is
   * retried). Without it STARTTLS is still used whenever the server offers it.
   */
  @Transform(({ obj, key }) => booleanVariable((obj as Record<string, unknown>)[key]))
  @IsBoolean({ message: '$property must be true or false' })
  SMTP_REQUIRE_TLS: boolean = false;

  /** A PEM file of certificate authorities to trust for the mail server (a private CA). */
  @emptyAsAbsent @IsOptional() @IsString() SMTP_TLS_CA_FILE?: string;

  /** How long a connection, greeting or reply may take before the attempt is given up and retried later. */
  @IsOptional() @IsInt() @Min(100) @Max(600_000) SMTP_TIMEOUT_MS: number = 30_000;

  /** The profile to load: MASH_PROFILE, or croydon for a local run. */
  get profileName(): string {
    return this.MASH_PROFILE ?? DEFAULT_PROFILE;
  }
}

/** 'true' and 'false' (any case, trimmed) as booleans; anything else is left for IsBoolean to refuse. */
function booleanVariable(value: unknown): unknown {
  if (value === undefined || value === '') return false;
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : value;
}
