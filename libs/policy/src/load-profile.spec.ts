import { URGENT_INDICATORS } from '@mash/contracts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BUILT_IN_PROFILES, PROFILES_DIRECTORY, loadProfile, parseProfile } from './load-profile';
import { ProfileError } from './profile-error';
import { profileWith, rawProfile } from './testing/profiles';

/** The problems a broken copy of a built-in profile is refused for. */
function problemsOf(change: (raw: any) => void, name = 'croydon'): { field: string; rule: string }[] {
  try {
    profileWith(name, change);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).problems;
  }
  throw new Error('the profile was accepted');
}

const directory = mkdtempSync(join(tmpdir(), 'mash-policy-'));
function writeProfile(file: string, text: string): string {
  const path = join(directory, file);
  writeFileSync(path, text);
  return path;
}

describe('loadProfile: the built-in profiles', () => {
  it.each(BUILT_IN_PROFILES)('loads %s, named after its file, with the protocol it follows', (name) => {
    const profile = loadProfile(name);
    expect(profile.id).toBe(name);
    expect(profile.hub.length).toBeGreaterThan(0);
    expect(profile.protocol?.length).toBeGreaterThan(0);
  });

  it.each(BUILT_IN_PROFILES)('%s cites its source: a comment stands above every value', (name) => {
    const lines = readFileSync(join(PROFILES_DIRECTORY, `${name}.yaml`), 'utf8').split('\n');
    const indentOf = (line: string) => line.search(/\S/);
    const isValue = (line: string) => /^\s*[a-zA-Z-]+:\s*\S/.test(line) && !/^\s*#/.test(line);
    // A value is cited by the nearest comment above it, read past the values beside it in the same block and
    // past the headings of the blocks it is in; a blank line or anything else in between leaves it uncited.
    const uncited = lines.filter((line, index) => {
      if (!isValue(line)) return false;
      let indent = indentOf(line);
      for (let above = index - 1; above >= 0; above--) {
        const text = lines[above];
        if (/^\s*#/.test(text)) return false;
        if (!text.trim()) return true;
        const depth = indentOf(text);
        if (depth === indent && isValue(text)) continue;
        if (depth < indent && /^\s*[a-zA-Z-]+:\s*$/.test(text)) {
          indent = depth;
          continue;
        }
        return true;
      }
      return true;
    });
    expect(uncited).toEqual([]);
  });

  it('is frozen, so no caller can change a hub rule at run time', () => {
    const profile = loadProfile('croydon');
    expect(Object.isFrozen(profile.timescales.checks.red)).toBe(true);
    expect(() => profile.agencies.always.push('police')).toThrow(/not extensible/);
  });
});

/**
 * The numbers, each as the protocol states it (the profile's comment quotes the text). A change to a profile
 * that is not a change in its protocol fails here.
 */
describe("the built-in profiles hold their protocols' numbers", () => {
  const croydon = loadProfile('croydon');
  const bexley = loadProfile('bexley');
  const northamptonshire = loadProfile('northamptonshire');
  const warwickshire = loadProfile('warwickshire');
  const blackburn = loadProfile('blackburn-with-darwen');
  const hours = (amount: number) => ({ amount, unit: 'hours' });
  const workingHours = (amount: number) => ({ amount, unit: 'working-hours' });
  const workingDays = (amount: number) => ({ amount, unit: 'working-days' });

  it('Croydon 8: checks Red within 4 hours, Amber 24 hours and Green 48 hours after the initial decision', () => {
    expect(croydon.timescales.checks).toEqual({
      red: hours(4),
      amber: workingDays(1),
      green: workingDays(2),
    });
    expect(croydon.timescales.checksClockStarts).toBe('rated');
  });

  it('Croydon 8: the referrer hears within 1 working day of the decision; the allocated worker is alerted within 24 hours', () => {
    expect(croydon.timescales.feedbackToReferrer).toEqual(workingDays(1));
    expect(croydon.timescales.allocatedWorkerAlert).toEqual(workingDays(1));
  });

  it("Croydon 8: Red may go to Children's Social Care without MASH checks; 7: Monday to Friday, 9am to 5pm", () => {
    expect(croydon.redMayGoToStrategyDiscussionWithoutChecks).toBe(true);
    expect(croydon.workingHours.friday).toEqual({ start: '09:00', end: '17:00' });
    expect(croydon.workingHours.saturday).toBeNull();
    expect(croydon.recentlyClosed).toBeNull();
  });

  it('Bexley 13: high-risk checks within 4 hours, other checks within 1 working day', () => {
    expect(bexley.timescales.checks).toEqual({ red: hours(4), amber: workingDays(1), green: workingDays(1) });
    expect(bexley.redClockRunsOutsideWorkingHours).toBe(true);
  });

  it('Bexley 12, 5-6, 3, 11: referrer within 48 hours, consultation summary within 48 hours, alert immediately, three month rule', () => {
    expect(bexley.timescales.feedbackToReferrer).toEqual(workingDays(2));
    expect(bexley.timescales.adviceSummary).toEqual(workingDays(2));
    expect(bexley.timescales.allocatedWorkerAlert).toEqual(hours(0));
    expect(bexley.recentlyClosed).toEqual({ amount: 3, unit: 'months' });
  });

  it('Bexley 15: checks always with Health, Education and Police', () => {
    expect([...bexley.agencies.always].sort()).toEqual(['education', 'health', 'police']);
  });

  it('Northamptonshire Appendix C: information sharing Red 4 hours, Amber 8 hours, Green 8 hours when needed; 24 hours in the hub', () => {
    expect(northamptonshire.timescales.checks).toEqual({
      red: workingHours(4),
      amber: workingHours(8),
      green: workingHours(8),
    });
    expect(northamptonshire.timescales.maximumInHub).toEqual(workingDays(1));
    expect(northamptonshire.redMayGoToStrategyDiscussionWithoutChecks).toBe(true);
  });

  it('Northamptonshire 10: outcome Red within 4 hours, Amber 1 working day, Green 24 hours; 12-week rule', () => {
    expect(northamptonshire.timescales.decision).toEqual({
      red: workingHours(4),
      amber: workingDays(1),
      green: workingDays(1),
    });
    expect(northamptonshire.recentlyClosed).toEqual({ amount: 12, unit: 'weeks' });
  });

  it('Northamptonshire 8: 09:00-17:30 Monday to Thursday, 09:00-17:00 Friday, no MASH out of hours', () => {
    expect(northamptonshire.workingHours.thursday).toEqual({ start: '09:00', end: '17:30' });
    expect(northamptonshire.workingHours.friday).toEqual({ start: '09:00', end: '17:00' });
    expect(northamptonshire.redClockRunsOutsideWorkingHours).toBe(false);
  });

  it('Northamptonshire Appendix E: every urgent criterion makes a contact Red', () => {
    expect([...northamptonshire.urgentIndicators].sort()).toEqual([...URGENT_INDICATORS].sort());
  });

  it('Warwickshire 6.1.2, 7.5.1, 7.2.1, 7.6.1: lead agency decision within 1 hour, referrer within 24 hours, 12 weeks, clocks from receipt', () => {
    expect(warwickshire.timescales.immediateDangerDecision).toEqual(hours(1));
    expect(warwickshire.timescales.feedbackToReferrer).toEqual(workingDays(1));
    expect(warwickshire.recentlyClosed).toEqual({ amount: 12, unit: 'weeks' });
    expect(warwickshire.timescales.checksClockStarts).toBe('received');
  });

  it('Warwickshire 7.3.1: triage always includes police and health', () => {
    expect([...warwickshire.agencies.always].sort()).toEqual(['health', 'police']);
  });

  it('Blackburn with Darwen MASH Timescales: immediate concerns 4 hours, Child in Need 24 hours, every decision 72 hours', () => {
    expect(blackburn.timescales.decision).toEqual({
      red: hours(4),
      amber: workingDays(1),
      green: workingDays(3),
    });
  });

  it('Blackburn with Darwen Level 4 referrals: health and education as a minimum, so Red is not decided without checks', () => {
    expect([...blackburn.agencies.always].sort()).toEqual(['education', 'health']);
    expect(blackburn.redMayGoToStrategyDiscussionWithoutChecks).toBe(false);
  });
});

describe('loadProfile: a new hub', () => {
  it("loads a new hub's profile from its own file, named after the file, with no code change", () => {
    const path = writeProfile('kent.yaml', stringify({ ...rawProfile('bexley'), hub: 'Kent' }));
    const profile = loadProfile(path);
    expect(profile.id).toBe('kent');
    expect(profile.hub).toBe('Kent');
  });

  it('refuses a file whose id is not its file name', () => {
    const path = writeProfile('medway.yaml', stringify({ ...rawProfile('bexley'), id: 'bexley' }));
    expect(() => loadProfile(path)).toThrow('id must be the file name (medway) or left out');
  });

  it('refuses an unknown name, listing the built-in profiles', () => {
    expect(() => loadProfile('kent')).toThrow(
      'must be one of croydon, bexley, northamptonshire, warwickshire, blackburn-with-darwen or a path to a profile file',
    );
  });

  it('refuses a path that cannot be read', () => {
    expect(() => loadProfile(join(directory, 'missing.yaml'))).toThrow('(profile) cannot be read: ENOENT');
  });

  it('refuses text that is not YAML, and a YAML list', () => {
    expect(() => parseProfile('hub: [unclosed', 'broken')).toThrow('(file) is not valid YAML');
    expect(() => parseProfile('- croydon', 'list')).toThrow('(file) must be a mapping of settings');
  });

  it('refuses a setting given twice', () => {
    const text = readFileSync(join(PROFILES_DIRECTORY, 'croydon.yaml'), 'utf8');
    expect(() => parseProfile(`${text}\nhub: Croydon again\n`, 'croydon')).toThrow(
      '(file) is not valid YAML',
    );
  });
});

describe('loadProfile: a wrong profile is refused, naming the field and the rule', () => {
  it('names a wrong unit with the units allowed', () => {
    expect(problemsOf((raw) => (raw.timescales.checks.red.unit = 'hourz'))).toEqual([
      {
        field: 'timescales.checks.red.unit',
        rule: 'must be one of hours, working-hours, working-days, days, weeks, months',
      },
    ]);
  });

  it('refuses unknown keys at any depth', () => {
    expect(
      problemsOf((raw) => {
        raw.colour = 'blue';
        raw.timescales.checks.purple = { amount: 1, unit: 'hours' };
        raw.workingHours.monday.lunch = '12:00';
      }),
    ).toEqual(
      expect.arrayContaining([
        { field: 'colour', rule: 'is not a known setting' },
        { field: 'timescales.checks.purple', rule: 'is not a known setting' },
        { field: 'workingHours.monday.lunch', rule: 'is not a known setting' },
      ]),
    );
  });

  it('names a setting left out once, as missing', () => {
    expect(problemsOf((raw) => delete raw.timescales.feedbackToReferrer)).toEqual([
      { field: 'timescales.feedbackToReferrer', rule: 'must be given' },
    ]);
    expect(problemsOf((raw) => delete raw.workingHours.sunday)).toEqual([
      { field: 'workingHours.sunday', rule: 'must be given' },
    ]);
  });

  it('refuses a Red decision timescale of null: every rating has a decision deadline', () => {
    expect(problemsOf((raw) => (raw.timescales.decision.red = null))).toEqual([
      { field: 'timescales.decision.red', rule: 'must be given' },
    ]);
  });

  it('refuses negative amounts, and fractions of a working day, day, week or month', () => {
    expect(
      problemsOf((raw) => {
        raw.timescales.checks.amber = { amount: -1, unit: 'hours' };
        raw.timescales.checks.green = { amount: 1.5, unit: 'working-days' };
        raw.recentlyClosed = { amount: '12', unit: 'weeks' };
      }),
    ).toEqual([
      { field: 'timescales.checks.amber.amount', rule: 'must not be negative' },
      {
        field: 'timescales.checks.green.amount',
        rule: 'must be a whole number for working-days, days, weeks, months',
      },
      { field: 'recentlyClosed.amount', rule: 'must be a number' },
    ]);
  });

  it('refuses times that are not HH:mm, and a window that closes before it opens', () => {
    expect(
      problemsOf((raw) => {
        raw.workingHours.monday = { start: '9am', end: '17:00' };
        raw.workingHours.tuesday = { start: '17:00', end: '09:00' };
      }),
    ).toEqual([
      { field: 'workingHours.monday.start', rule: 'must be a time as HH:mm' },
      { field: 'workingHours.tuesday.end', rule: 'must be later than start' },
    ]);
  });

  it('refuses a week without a working day', () => {
    expect(
      problemsOf((raw) => {
        for (const day of Object.keys(raw.workingHours)) raw.workingHours[day] = null;
      }),
    ).toEqual([{ field: 'workingHours', rule: 'must open on at least one weekday' }]);
  });

  it('refuses unknown agencies, concern categories, urgent indicators and consent exceptions', () => {
    const problems = problemsOf((raw) => {
      raw.agencies.always = ['police', 'fire'];
      raw.agencies.proportionate = { gambling: ['police'], neglect: ['housing'] };
      raw.urgentIndicators = ['child-found-alone', 'bad-weather'];
      raw.consent.exceptions = ['parent-asked'];
    });
    expect(problems).toHaveLength(5);
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'agencies.always', rule: 'must list only police, health, education' },
        { field: 'agencies.proportionate.neglect', rule: 'must list only police, health, education' },
        { field: 'agencies.proportionate.gambling', rule: 'is not a known setting' },
        {
          field: 'urgentIndicators',
          rule: expect.stringMatching(/^must list only unsafe-home-immediate-removal, /),
        },
        { field: 'consent.exceptions', rule: 'must list only police-notification, immediate-danger' },
      ]),
    );
  });

  it('refuses extra closed days that are not real dates', () => {
    expect(problemsOf((raw) => (raw.extraClosedDays = ['2023-02-30']))).toEqual([
      { field: 'extraClosedDays', rule: 'must list only real dates as YYYY-MM-DD' },
    ]);
    expect(problemsOf((raw) => (raw.extraClosedDays = ['8 May 2023']))).toEqual([
      { field: 'extraClosedDays', rule: 'must list only real dates as YYYY-MM-DD' },
    ]);
  });

  it('refuses the wrong kinds of value: text for a switch, a list for a mapping', () => {
    expect(
      problemsOf((raw) => {
        raw.redClockRunsOutsideWorkingHours = 'yes';
        raw.timescales.decision = [];
      }),
    ).toEqual([
      { field: 'redClockRunsOutsideWorkingHours', rule: 'must be true or false' },
      { field: 'timescales.decision', rule: 'must be a mapping' },
    ]);
  });

  it('names every problem in one message, so start-up stops with all of them at once', () => {
    const path = writeProfile(
      'broken.yaml',
      readFileSync(join(PROFILES_DIRECTORY, 'croydon.yaml'), 'utf8')
        .replace('red: { amount: 4, unit: hours }', 'red: { amount: 4, unit: hourz }')
        .replace(
          'redMayGoToStrategyDiscussionWithoutChecks: true',
          'redMayGoToStrategyDiscussionWithoutChecks: 1',
        ),
    );
    expect(() => loadProfile(path)).toThrow(
      `invalid policy profile ${path}: timescales.checks.red.unit must be one of hours, working-hours, ` +
        'working-days, days, weeks, months; redMayGoToStrategyDiscussionWithoutChecks must be true or false',
    );
  });

  it('refuses a Red that may take longer than an Amber, naming both and when', () => {
    expect(problemsOf((raw) => (raw.timescales.decision.red = { amount: 3, unit: 'working-days' }))).toEqual([
      {
        field: 'timescales.decision.red',
        rule: 'must not end later than timescales.decision.amber (from Monday 00:00)',
      },
    ]);
  });

  it('refuses checks due after the decision they inform', () => {
    expect(
      problemsOf((raw) => (raw.timescales.checks.amber = { amount: 2, unit: 'working-days' }), 'bexley'),
    ).toEqual(
      expect.arrayContaining([
        {
          field: 'timescales.checks.amber',
          rule: 'must not end later than timescales.decision.amber (from Monday 00:00)',
        },
      ]),
    );
  });

  it('refuses Red checks counted in working hours that overtake Amber checks of 8 elapsed hours', () => {
    expect(
      problemsOf((raw) => (raw.timescales.checks.amber = { amount: 8, unit: 'hours' }), 'northamptonshire'),
    ).toEqual(
      expect.arrayContaining([
        {
          field: 'timescales.checks.red',
          rule: expect.stringMatching(/^must not end later than timescales.checks.amber \(from /),
        },
      ]),
    );
  });
});
