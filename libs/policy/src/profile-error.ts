/** One thing wrong in a profile: the field (a dotted path) and the rule it broke. */
export interface ProfileProblem {
  field: string;
  rule: string;
}

/** A profile that cannot be used. The message names every wrong field and rule, so start-up stops with all of them at once. */
export class ProfileError extends Error {
  readonly code = 'POLICY_PROFILE_INVALID';

  constructor(
    readonly source: string,
    readonly problems: ProfileProblem[],
  ) {
    super(
      `invalid policy profile ${source}: ` +
        problems.map((problem) => `${problem.field} ${problem.rule}`).join('; '),
    );
    this.name = 'ProfileError';
  }
}
