import { existsSync, readFileSync } from 'node:fs';
import { generateProfileComparison, londonTime, PROFILE_COMPARISON_PATH } from './profile-comparison';

const generated = generateProfileComparison();

describe('docs/profile-comparison.md', () => {
  it('is up to date with the profiles and the screening rules', () => {
    const onDisk = existsSync(PROFILE_COMPARISON_PATH) ? readFileSync(PROFILE_COMPARISON_PATH, 'utf8') : '';
    if (onDisk !== generated) {
      const [disk, fresh] = [onDisk.split('\n'), generated.split('\n')];
      const at = fresh.findIndex((line, index) => line !== disk[index]);
      throw new Error(
        'docs/profile-comparison.md is out of date: run npm run profiles:compare' +
          (onDisk ? ` (first difference at line ${at + 1})` : ' (the file is missing)'),
      );
    }
  });

  it('is generated deterministically', () => {
    expect(generateProfileComparison()).toBe(generated);
  });

  it('compares every built-in profile and marks where they differ', () => {
    expect(generated).toContain(
      '| scenario | croydon | bexley | northamptonshire | warwickshire | blackburn-with-darwen |',
    );
    expect(generated).toContain('**≠ checks due**');
  });

  it('carries no one’s name from the scenarios', () => {
    expect(generated).not.toMatch(
      /Casey|Alex|Avery|Blake|Scenario|Allocated Worker|Lead Professional|Previous Team/,
    );
  });
});

describe('londonTime', () => {
  it('writes London wall-clock time across the clock change', () => {
    expect(londonTime(new Date('2026-11-27T16:30:00Z'))).toBe('Fri 27 Nov 16:30');
    expect(londonTime(new Date('2026-07-01T08:05:00Z'))).toBe('Wed 1 Jul 09:05');
    expect(londonTime(null)).toBe('–');
  });
});
