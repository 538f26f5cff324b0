import type { AnalysedFact, AnalysisInput } from '@mash/agency-node';
import { educationAnalysis } from './education-analysis';

const today = new Date('2026-11-20T10:00:00Z');

function aFact(overrides: Partial<AnalysedFact> = {}): AnalysedFact {
  return {
    subjectId: 'child-0',
    subjectRole: 'child',
    recordId: 'E-1',
    kind: 'school',
    date: '2022-09-01',
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

describe('education analysis', () => {
  it("lists the child's school place and what else education hold", () => {
    const text = educationAnalysis(
      anInput([
        aFact(),
        aFact({ kind: 'sen' }),
        aFact({ kind: 'ehcp' }),
        aFact({ kind: 'exclusion', date: '2026-03-01', severity: 'amber' }),
      ]),
    );
    expect(text).toMatch(
      /^Education hold a school place, one exclusion, SEN support and an EHCP for the child\./,
    );
    expect(text).toContain('One exclusion in the last 12 months.');
    expect(text).toContain('The child has special educational needs with an EHCP in place');
  });

  it('raises a child missing education', () => {
    expect(educationAnalysis(anInput([aFact({ kind: 'missing-education', severity: 'red' })]))).toContain(
      'The child has been recorded as missing education',
    );
  });

  it('notices a child with no school place', () => {
    expect(educationAnalysis(anInput([aFact({ kind: 'attendance', severity: 'amber' })]))).toContain(
      'No school place is recorded for the child.',
    );
  });

  it('counts poor attendance, not good attendance', () => {
    const text = educationAnalysis(
      anInput([
        aFact(),
        aFact({ kind: 'attendance', severity: 'green' }),
        aFact({ kind: 'attendance', severity: 'red', date: '2026-10-10' }),
      ]),
    );
    expect(text).toContain('Attendance is a concern in one record, the latest is within the last 6 months.');
  });

  it('explains Operation Encompass notifications and ties them to a domestic abuse concern', () => {
    const text = educationAnalysis(
      anInput(
        [
          aFact(),
          aFact({ kind: 'operation-encompass', date: '2026-10-01' }),
          aFact({ kind: 'operation-encompass', date: '2025-01-01' }),
        ],
        {
          concernCategories: ['domestic-abuse'],
        },
      ),
    );
    expect(text).toContain(
      'The school has been notified by police of two domestic abuse incidents the child was exposed to, at least one within the last 6 months, which bears directly on the domestic abuse concern raised.',
    );
  });

  it('notices frequent moves between schools', () => {
    const text = educationAnalysis(
      anInput([aFact(), aFact({ date: '2023-09-01' }), aFact({ date: '2025-09-01' })]),
    );
    expect(text).toContain('Three schools suggest frequent moves.');
  });

  it('answers no trace plainly', () => {
    expect(educationAnalysis(anInput([]))).toBe('Education hold no records for the person in this request.');
  });

  it('names the lowest attendance below the persistent absence line, and a permanent exclusion', () => {
    const text = educationAnalysis(
      anInput([
        aFact({ kind: 'attendance', severity: 'amber', details: { attendancePercent: 84 } }),
        aFact({ kind: 'attendance', severity: 'amber', details: { attendancePercent: 71 } }),
        aFact({ kind: 'exclusion', details: { type: 'permanent-exclusion', reason: 'use-of-weapon' } }),
      ]),
    );
    expect(text).toContain('Attendance has been as low as 71%, below the 90% line for persistent absence.');
    expect(text).toContain('The child has been permanently excluded.');
  });
});
