import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@mash/contracts';
import { consentDecisionEffect } from './consent-rule';
import { ConsentDecisionRequest } from './dto/consent-decision.request';

const problems = (body: object) =>
  flattenValidationErrors(validateSync(plainToInstance(ConsentDecisionRequest, body))).map(
    ({ field, rule }) => `${field}:${rule}`,
  );

describe('a team manager’s consent decision', () => {
  it('an override sends the planned checks and records consent as overridden (Croydon 5; Bexley 27)', () => {
    expect(consentDecisionEffect('override')).toEqual({ outcome: 'overridden', checks: 'send' });
  });

  it('consent obtained later sends the planned checks', () => {
    expect(consentDecisionEffect('consent-obtained')).toEqual({ outcome: 'obtained-later', checks: 'send' });
  });

  it('proceeding without checks sends none: they are not required', () => {
    expect(consentDecisionEffect('proceed-without-checks')).toEqual({
      outcome: 'not-needed',
      checks: 'not-required',
    });
  });

  it('needs a rationale to override (Croydon 5: decisions to overrule consent must be recorded; Northamptonshire 6)', () => {
    expect(problems({ decision: 'override' })).toContain('rationale:isDefined');
    expect(problems({ decision: 'override', rationale: '   ' })).toContain('rationale:matches');
    expect(
      problems({ decision: 'override', rationale: 'Risk of significant harm if the family is told.' }),
    ).toEqual([]);
  });

  it('needs a rationale to proceed without checks, but not to record consent obtained', () => {
    expect(problems({ decision: 'proceed-without-checks' })).toContain('rationale:isDefined');
    expect(problems({ decision: 'consent-obtained' })).toEqual([]);
  });

  it('refuses an unknown decision by name', () => {
    expect(problems({ decision: 'ignore', rationale: 'x' })).toEqual(['decision:isIn']);
  });
});
