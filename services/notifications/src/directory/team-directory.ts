import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  validateSync,
} from 'class-validator';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ALERT_KINDS, type AlertKind } from '@mash/contracts';
import { ConfigurationError } from '@mash/platform';
import type { DirectoryEntry } from '@mash/policy';

/** One team or person alerts are emailed to. `alert` names the alert kind it receives when no team is named. */
export class TeamDirectoryEntry implements DirectoryEntry {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsOptional() @IsIn(ALERT_KINDS) alert?: AlertKind;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional()
  @Matches(/^[0-9 +()-]{6,20}$/, { message: '$property must be a phone number' })
  phone?: string;
}

/** What screening asks to be alerted: a kind, and the worker or team it names (if any). */
export interface AlertAddressee {
  kind: AlertKind;
  to?: string | null;
}

const key = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The hub's directory of teams and workers to alert: the profile's entries and those of
 * TEAM_DIRECTORY_FILE, validated when loaded (a wrong entry stops start-up, naming it and the rule).
 * A team screening names is found by its name; an alert naming no one (the LADO, the MASH manager) by
 * the entry that says it receives that kind of alert.
 */
export class TeamDirectory {
  private readonly byName = new Map<string, TeamDirectoryEntry>();
  private readonly byAlert = new Map<AlertKind, TeamDirectoryEntry>();

  constructor(entries: readonly TeamDirectoryEntry[]) {
    for (const entry of entries) {
      this.byName.set(key(entry.name), entry);
      if (entry.alert && !this.byAlert.has(entry.alert)) this.byAlert.set(entry.alert, entry);
    }
  }

  get size(): number {
    return this.byName.size;
  }

  /** The entry an alert goes to, or undefined when the directory has no such team. */
  find(addressee: AlertAddressee): TeamDirectoryEntry | undefined {
    if (addressee.to) return this.byName.get(key(addressee.to));
    return this.byAlert.get(addressee.kind);
  }
}

/** Validates directory entries from `source` (the profile, or the file); throws naming each wrong field. */
export function validatedEntries(raw: unknown, source: string): TeamDirectoryEntry[] {
  if (!Array.isArray(raw))
    throw new ConfigurationError(['TEAM_DIRECTORY_FILE'], `${source} must be a list of teams`);
  const problems: string[] = [];
  const entries = raw.map((item, index) => {
    const entry = plainToInstance(TeamDirectoryEntry, item ?? {});
    for (const error of validateSync(entry, { whitelist: true, forbidNonWhitelisted: true })) {
      problems.push(`[${index}].${error.property} (${Object.keys(error.constraints ?? {}).join(', ')})`);
    }
    return entry;
  });
  if (problems.length) {
    throw new ConfigurationError(
      ['TEAM_DIRECTORY_FILE'],
      `the team directory ${source} is invalid: ${problems.join('; ')}`,
    );
  }
  return entries;
}

export function loadTeamDirectory(profileEntries: readonly DirectoryEntry[], file?: string): TeamDirectory {
  const entries = validatedEntries([...profileEntries], 'in the profile');
  if (file) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(
        ['TEAM_DIRECTORY_FILE'],
        `TEAM_DIRECTORY_FILE cannot be read: ${error instanceof Error ? error.name : 'error'}`,
      );
    }
    entries.push(...validatedEntries(raw, 'TEAM_DIRECTORY_FILE'));
  }
  return new TeamDirectory(entries);
}
