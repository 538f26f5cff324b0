import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ServiceConfig } from '@mash/platform';

/**
 * The variables every agency node reads besides the common ones. A node's own config class extends
 * this (police-checks' PoliceChecksConfig, ...), so a wrong value stops start-up naming the variable.
 */
export class AgencyNodeConfig extends ServiceConfig {
  /**
   * `true`: the node answers "no trace" by itself when it finds no candidate record for anyone in the
   * request (and could search everyone). Every other answer waits for a practitioner. Default `false`:
   * a practitioner answers every check.
   */
  @Transform(({ obj, key }) => parseBooleanVariable((obj as Record<string, unknown>)[key]))
  @IsBoolean({ message: '$property must be true or false' })
  AUTO_NO_TRACE: boolean = false;

  /** The hub's name in the header and title of the practitioner's pages. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) HUB_NAME: string = 'Multi-Agency Safeguarding Hub';
}

/**
 * "true"/"false" (any case, surrounding spaces ignored) to a boolean; anything else is left as it is so
 * that validation names the variable. (Implicit conversion would read "false" as true.)
 */
export function parseBooleanVariable(value: unknown): unknown {
  if (value === undefined || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : value;
}

/** What the engine takes from the node's configuration. */
export interface AgencyNodeSettings {
  autoNoTrace: boolean;
}

export const AGENCY_NODE_SETTINGS = Symbol('AGENCY_NODE_SETTINGS');

export function agencyNodeSettings(config: Partial<AgencyNodeConfig>): AgencyNodeSettings {
  return { autoNoTrace: config.AUTO_NO_TRACE === true };
}
