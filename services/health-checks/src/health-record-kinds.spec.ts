import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAgencyRecords } from '@mash/agency-node';
import { HEALTH_RECORD_KINDS } from './health-record-kinds';

const today = new Date('2026-11-20T10:00:00Z');

describe('health record types', () => {
  it('reads the demo data', () => {
    const demo = readFileSync(join(__dirname, '../../../deploy/demo-data/health.ndjson'), 'utf8');
    const parsed = parseAgencyRecords(demo, HEALTH_RECORD_KINDS, today);
    expect(parsed.ok ? parsed.records.length : parsed.violations).toBe(15);
  });

  it('records a CP-IS flag with its plan and responsible authority, and lets the analysis read only the plan and end date', () => {
    const kind = HEALTH_RECORD_KINDS.kinds['child-protection-flag'];
    expect(kind.analysable).toEqual(['plan', 'endDate']);
    const parsed = parseAgencyRecords(
      JSON.stringify({
        recordId: 'H-1',
        givenName: 'Mia',
        familyName: 'Patel',
        dateOfBirth: '2019-07-08',
        facts: [
          {
            factId: 'F-1',
            date: '2025-01-01',
            kind: 'child-protection-flag',
            summary: 's',
            classification: 'shareable',
            severity: 'red',
            details: { plan: 'looked-after-child', endDate: '2025-02-30' },
          },
        ],
      }),
      HEALTH_RECORD_KINDS,
      today,
    );
    expect(parsed.ok ? [] : [...new Set(parsed.violations.map((violation) => violation.field))]).toEqual([
      'facts[0].details.responsibleAuthority',
      'facts[0].details.endDate',
    ]);
  });
});
