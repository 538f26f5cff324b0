import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTeamDirectory } from './team-directory';

const fileWith = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'teams.yaml');
  writeFileSync(file, text);
  return file;
};

describe('the team directory', () => {
  it('finds a team by the name screening gives, whatever its case and spacing, and the LADO by its alert kind', () => {
    const directory = loadTeamDirectory(
      [{ name: 'Croydon LADO', alert: 'lado', email: 'lado@council.example' }],
      fileWith('- { name: Assessment Team B, email: team-b@council.example }\n'),
    );
    expect(directory.find({ kind: 'previous-team', to: ' assessment  TEAM b ' })?.email).toBe(
      'team-b@council.example',
    );
    expect(directory.find({ kind: 'lado' })?.email).toBe('lado@council.example');
    expect(directory.find({ kind: 'allocated-worker', to: 'Nobody' })).toBeUndefined();
  });

  it('stops start-up on a wrong entry, naming the entry and the rule, never the address', () => {
    expect(() =>
      loadTeamDirectory(
        [],
        fileWith('- { name: Team A, email: not-an-address }\n- { name: Team B, alert: pigeon }\n'),
      ),
    ).toThrow(/TEAM_DIRECTORY_FILE is invalid: \[0\]\.email \(isEmail\); \[1\]\.alert \(isIn\)/);
    expect(() => loadTeamDirectory([], fileWith('name: not a list\n'))).toThrow(/must be a list/);
    expect(() => loadTeamDirectory([], '/nonexistent/teams.yaml')).toThrow(
      /TEAM_DIRECTORY_FILE cannot be read/,
    );
  });
});
