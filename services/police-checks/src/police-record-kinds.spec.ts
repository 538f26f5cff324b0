import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAgencyRecords } from '@mash/agency-node';
import { POLICE_RECORD_KINDS } from './police-record-kinds';

const today = new Date('2026-11-20T10:00:00Z');
const line = (fact: Record<string, unknown>) =>
  JSON.stringify({
    recordId: 'P-1',
    givenName: 'Amy',
    familyName: 'Jones',
    dateOfBirth: '2016-03-04',
    facts: [
      {
        factId: 'F-1',
        date: '2026-01-01',
        summary: 's',
        classification: 'shareable',
        severity: 'amber',
        ...fact,
      },
    ],
  });

describe('police record types', () => {
  it('reads the demo data', () => {
    const demo = readFileSync(join(__dirname, '../../../deploy/demo-data/police.ndjson'), 'utf8');
    const parsed = parseAgencyRecords(demo, POLICE_RECORD_KINDS, today);
    expect(parsed.ok ? parsed.records.length : parsed.violations).toBe(15);
  });

  it('makes a sensitive incident or crime mash-only, and all intelligence', () => {
    const parsed = parseAgencyRecords(
      [
        line({
          kind: 'crime',
          role: 'victim',
          details: { type: 'sexual-offence', sensitivity: 'sensitive' },
        }),
        line({
          kind: 'intelligence',
          role: 'person-of-concern',
          details: { type: 'drugs', sensitivity: 'standard' },
        })
          .replace('P-1', 'P-2')
          .replace('F-1', 'F-2'),
        line({
          kind: 'incident',
          role: 'witness',
          details: { type: 'domestic-abuse', sensitivity: 'standard' },
        })
          .replace('P-1', 'P-3')
          .replace('F-1', 'F-3'),
      ].join('\n'),
      POLICE_RECORD_KINDS,
      today,
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.violations));
    expect(parsed.records.map((record) => record.facts[0].classification)).toEqual([
      'mash-only',
      'mash-only',
      'shareable',
    ]);
  });

  it('needs a type, a role and a sensitivity on every police fact', () => {
    const parsed = parseAgencyRecords(
      line({ kind: 'incident', details: { dashRisk: 'extreme' } }),
      POLICE_RECORD_KINDS,
      today,
    );
    expect(parsed.ok ? [] : parsed.violations.map((violation) => violation.field).sort()).toEqual([
      'facts[0].details.dashRisk',
      'facts[0].details.sensitivity',
      'facts[0].details.type',
      'facts[0].role',
    ]);
  });
});
