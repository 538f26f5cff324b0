import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { AgencyRecordKinds, AnalysedFact, AnalysisInput } from '../agency-node.definition';
import type { CheckResponseInput, ConfirmedMatch, RecordFact } from '../checks/check-response';

/** Small factories for the engine's unit tests (STYLE.md: test data from factories, not copied literals). */

const TEST_ROLES = ['victim', 'suspect', 'offender', 'witness', 'person-of-concern'];

/** The fields a test `crime` carries: a type code, a sensitivity and a free-text reference. */
export class TestCrimeDetails {
  @IsIn(['assault', 'theft']) type!: string;
  @IsIn(['standard', 'sensitive']) sensitivity!: string;
  @IsOptional() @IsString() @MaxLength(40) reference?: string;
  @IsOptional() @IsInt() @Min(0) victims?: number;
}

/**
 * A police-like set of record types, so the engine's tests exercise roles, details, a sensitivity that
 * forces mash-only, a kind that is always mash-only, and a kind with no roles and no details.
 */
export const testRecordKinds: AgencyRecordKinds = {
  kinds: {
    incident: { label: 'Incident', roles: TEST_ROLES },
    crime: {
      label: 'Crime',
      roles: TEST_ROLES,
      details: TestCrimeDetails,
      analysable: ['type', 'sensitivity', 'reference', 'victims'],
      mashOnlyWhen: (details) => details.sensitivity === 'sensitive',
      heading: (details) => (typeof details.type === 'string' ? details.type : undefined),
    },
    intelligence: { label: 'Intelligence', roles: TEST_ROLES, alwaysMashOnly: true },
    note: { label: 'Note' },
  },
};

export function aCrimeDetails(overrides: Partial<TestCrimeDetails> = {}): Record<string, unknown> {
  return { type: 'assault', sensitivity: 'standard', ...overrides };
}

let sequence = 0;

export function aRecordFact(overrides: Partial<RecordFact> = {}): RecordFact {
  sequence += 1;
  return {
    factId: `F-${sequence}`,
    date: '2026-06-01',
    kind: 'incident',
    summary: 'Attended the address after a call about shouting.',
    classification: 'shareable',
    severity: 'amber',
    role: 'victim',
    details: {},
    ...overrides,
  };
}

export function aConfirmedMatch(
  recordId: string,
  facts: RecordFact[],
  overrides: Partial<Omit<ConfirmedMatch, 'record'>> = {},
): ConfirmedMatch {
  return { subjectId: 'child-0', confidence: 'match', record: { recordId, facts }, ...overrides };
}

export function aResponseInput(overrides: Partial<CheckResponseInput> = {}): CheckResponseInput {
  return {
    check: {
      checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
      contactId: 'c5b0f6f2-8a8e-4a57-b3c1-6f8f0b9d2e11',
      agency: 'police',
      subjects: [
        {
          subjectId: 'child-0',
          role: 'child',
          givenName: 'Amy',
          familyName: 'Jones',
          dateOfBirth: '2016-03-04',
        },
        {
          subjectId: 'adult-0',
          role: 'adult',
          givenName: 'Beth',
          familyName: 'Jones',
          dateOfBirth: '1990-01-02',
        },
      ],
      concernCategories: ['domestic-abuse'],
    },
    matches: [],
    recordKinds: testRecordKinds,
    analyse: ({ facts }) => `${facts.length} facts`,
    respondedAt: new Date('2026-11-20T10:00:00Z'),
    respondedBy: 'automatic',
    ...overrides,
  };
}

/** One NDJSON line for a person, as an agency's export would write it. */
export function aRecordLine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    recordId: `P-${sequence}`,
    givenName: 'Amy',
    familyName: 'Jones',
    otherNames: [],
    dateOfBirth: '2016-03-04',
    gender: 'female',
    address: { line1: '1 High St', line2: null, town: 'Croydon', postcode: 'CR0 1AA' },
    pncId: null,
    facts: [
      {
        factId: `F-${sequence}-1`,
        date: '2026-05-01',
        kind: 'incident',
        summary: 'Domestic incident at the home address.',
        classification: 'shareable',
        severity: 'amber',
        role: 'victim',
      },
    ],
    ...overrides,
  };
}

export function toNdjson(lines: Array<Record<string, unknown> | string>): string {
  return lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';
}

export function anAnalysedFact(overrides: Partial<AnalysedFact> = {}): AnalysedFact {
  return {
    subjectId: 'child-0',
    subjectRole: 'child',
    recordId: 'P-1',
    kind: 'incident',
    date: '2026-09-01',
    severity: 'amber',
    classification: 'shareable',
    role: null,
    details: {},
    ...overrides,
  };
}

export function anAnalysisInput(
  facts: AnalysedFact[],
  overrides: Partial<AnalysisInput> = {},
): AnalysisInput {
  return {
    facts,
    subjectsAsked: 2,
    subjectsMatched: new Set(facts.map((fact) => fact.subjectId)).size,
    subjectsNotSearched: 0,
    concernCategories: [],
    today: new Date('2026-11-20T10:00:00Z'),
    ...overrides,
  };
}
