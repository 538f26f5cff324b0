import type { AnalysedFact, AnalysisInput } from '@mash/agency-node';
import { policeAnalysis } from './police-analysis';

const today = new Date('2026-11-20T10:00:00Z');

function aFact(overrides: Partial<AnalysedFact> = {}): AnalysedFact {
  return {
    subjectId: 'child-0',
    subjectRole: 'child',
    recordId: 'P-1',
    kind: 'incident',
    date: '2026-09-01',
    severity: 'amber',
    classification: 'shareable',
    role: 'witness',
    details: {},
    ...overrides,
  };
}

function anInput(facts: AnalysedFact[], overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    facts,
    subjectsAsked: 2,
    subjectsMatched: new Set(facts.map((fact) => fact.subjectId)).size,
    subjectsNotSearched: 0,
    concernCategories: [],
    today,
    ...overrides,
  };
}

describe('police analysis', () => {
  it('counts incidents, crimes and intelligence and says how recent the newest is', () => {
    const text = policeAnalysis(
      anInput([
        aFact({ kind: 'incident', date: '2026-09-01' }),
        aFact({ kind: 'incident', date: '2025-01-01', subjectId: 'adult-0', subjectRole: 'adult' }),
        aFact({ kind: 'crime', date: '2024-03-01' }),
        aFact({ kind: 'intelligence', classification: 'mash-only', date: '2026-10-01' }),
      ]),
    );
    expect(text).toContain(
      'Police hold two incidents and one crime involving the child and one adult in the household; one mash-only intelligence item is held.',
    );
    expect(text).toContain('The most recent is within the last 6 months.');
  });

  it("describes the child's and the adults' parts", () => {
    const text = policeAnalysis(
      anInput([
        aFact({ kind: 'crime', role: 'victim' }),
        aFact({ kind: 'crime', role: 'victim', date: '2026-08-01' }),
        aFact({ kind: 'crime', role: 'offender', subjectId: 'adult-0', subjectRole: 'adult' }),
      ]),
    );
    expect(text).toContain(
      'The child is recorded as a victim in two of them and an adult in the household is recorded as a suspect or offender in one of them.',
    );
  });

  it('points out a current pattern and ties it to a police-relevant concern', () => {
    const text = policeAnalysis(
      anInput([aFact({ date: '2026-10-01' }), aFact({ date: '2026-11-01', severity: 'red' })], {
        concernCategories: ['domestic-abuse', 'neglect'],
      }),
    );
    expect(text).toContain(
      'Two incidents or crimes fall within the last 6 months, which suggests a current pattern',
    );
    expect(text).toContain('One item is rated red by police.');
    expect(text).toContain('bears directly on the domestic abuse concern raised');
    expect(text).not.toContain('neglect');
  });

  it('with only intelligence, says police hold no incidents or crimes but that intelligence exists', () => {
    const text = policeAnalysis(anInput([aFact({ kind: 'intelligence', classification: 'mash-only' })]));
    expect(text).toMatch(
      /^Police hold no incidents or crimes for the people in this request; one mash-only intelligence item is held\./,
    );
  });

  it('answers no trace plainly, noting who could not be searched', () => {
    expect(policeAnalysis(anInput([], { subjectsAsked: 1, subjectsNotSearched: 1 }))).toBe(
      'Police hold no records for the person in this request. One person asked about had no date of birth and could not be searched automatically; a practitioner search may find more.',
    );
  });

  it('says how many of the people asked about are not known to police', () => {
    expect(policeAnalysis(anInput([aFact()], { subjectsAsked: 3 }))).toContain(
      'Two people in the request are not known to police.',
    );
  });

  it('says how many incidents and crimes are domestic abuse, and how many were assessed high risk', () => {
    const text = policeAnalysis(
      anInput([
        aFact({ kind: 'incident', details: { type: 'domestic-abuse', dashRisk: 'high' } }),
        aFact({ kind: 'crime', details: { type: 'criminal-damage', domesticAbuse: true } }),
        aFact({ kind: 'crime', details: { type: 'theft' } }),
      ]),
    );
    expect(text).toContain('Two of them are domestic abuse, one assessed as high risk on DASH.');
  });
});
