import type { AnalysedFact, AnalysisInput } from '@mash/agency-node';
import { healthAnalysis } from './health-analysis';

const today = new Date('2026-11-20T10:00:00Z');

function aFact(overrides: Partial<AnalysedFact> = {}): AnalysedFact {
  return {
    subjectId: 'child-0',
    subjectRole: 'child',
    recordId: 'H-1',
    kind: 'gp-registration',
    date: '2020-01-01',
    severity: 'green',
    classification: 'shareable',
    role: null,
    details: {},
    ...overrides,
  };
}

function anInput(facts: AnalysedFact[], overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    facts,
    subjectsAsked: 1,
    subjectsMatched: new Set(facts.map((fact) => fact.subjectId)).size,
    subjectsNotSearched: 0,
    concernCategories: [],
    today,
    ...overrides,
  };
}

describe('health analysis', () => {
  it('lists what health hold and for whom', () => {
    const text = healthAnalysis(
      anInput([
        aFact(),
        aFact({ kind: 'health-visiting', date: '2026-10-01' }),
        aFact({ kind: 'health-visiting' }),
      ]),
    );
    expect(text).toMatch(/^Health hold GP registration and two health visiting contacts for the child\./);
    expect(text).toContain('The most recent is within the last 6 months.');
  });

  it('flags repeated emergency attendances by the child within a year', () => {
    const attendances = ['2026-02-01', '2026-06-01', '2026-11-01'].map((date) =>
      aFact({ kind: 'ed-attendance', date, severity: 'amber' }),
    );
    expect(healthAnalysis(anInput([aFact(), ...attendances]))).toContain(
      'The child has attended the emergency department 3 times in the last 12 months; repeated attendance can indicate injury or neglect',
    );
  });

  it('does not call old attendances repeated', () => {
    const attendances = ['2023-02-01', '2023-06-01', '2026-11-01'].map((date) =>
      aFact({ kind: 'ed-attendance', date }),
    );
    const text = healthAnalysis(anInput([aFact(), ...attendances]));
    expect(text).not.toContain('repeated attendance');
    expect(text).toContain('The child attended the emergency department once in the last 12 months.');
  });

  it('explains a child protection flag', () => {
    expect(
      healthAnalysis(anInput([aFact(), aFact({ kind: 'child-protection-flag', severity: 'red' })])),
    ).toContain('The child carries a child protection flag');
  });

  it("ties an adult's mental health involvement to parenting capacity and the concern raised", () => {
    const text = healthAnalysis(
      anInput([aFact(), aFact({ kind: 'mental-health', subjectId: 'adult-0', subjectRole: 'adult' })], {
        subjectsAsked: 2,
        concernCategories: ['parental-mental-health'],
      }),
    );
    expect(text).toContain(
      'An adult in the household is known to mental health services, which is relevant to parenting capacity and to the parental mental health concern raised.',
    );
  });

  it('notices a child with no GP registration', () => {
    expect(healthAnalysis(anInput([aFact({ kind: 'ed-attendance', date: '2026-11-01' })]))).toContain(
      'The child has no GP registration on record.',
    );
  });

  it('answers no trace plainly', () => {
    expect(healthAnalysis(anInput([], { subjectsAsked: 2 }))).toBe(
      'Health hold no records for the 2 people in this request.',
    );
  });

  it('reads the CP-IS plan, a child not brought to health visiting, and self-harm at the emergency department', () => {
    const text = healthAnalysis(
      anInput([
        aFact({ kind: 'child-protection-flag', details: { plan: 'looked-after-child' } }),
        aFact({ kind: 'health-visiting', details: { contact: '1-year', outcome: 'not-brought' } }),
        aFact({ kind: 'ed-attendance', details: { reason: 'self-harm', admitted: true } }),
      ]),
    );
    expect(text).toContain('as a looked after child');
    expect(text).toContain(
      'could not gain access for, one health visiting contact, a recognised indicator of neglect',
    );
    expect(text).toContain('One of the emergency attendances was for self-harm or overdose.');
  });
});
