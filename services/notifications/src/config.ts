import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@mash/platform';

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
}
