import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAgencyRecords } from '@mash/agency-node';
import { EDUCATION_RECORD_KINDS } from './education-record-kinds';

const today = new Date('2026-11-20T10:00:00Z');

describe('education record types', () => {
  it('reads the demo data', () => {
    const demo = readFileSync(join(__dirname, '../../../deploy/demo-data/education.ndjson'), 'utf8');
    const parsed = parseAgencyRecords(demo, EDUCATION_RECORD_KINDS, today);
    expect(parsed.ok ? parsed.records.length : parsed.violations).toBe(14);
  });

  it('keeps the name of a school out of what the analysis may read', () => {
    expect(EDUCATION_RECORD_KINDS.kinds.school.analysable).not.toContain('setting');
  });

  it('refuses attendance given as text rather than a number', () => {
    const parsed = parseAgencyRecords(
      JSON.stringify({
        recordId: 'E-1',
        givenName: 'Leo',
        familyName: 'Brown',
        dateOfBirth: '2014-05-06',
        facts: [
          {
            factId: 'F-1',
            date: '2026-10-01',
            kind: 'attendance',
            summary: 's',
            classification: 'shareable',
            severity: 'amber',
            details: { academicYear: '2026/27', term: 'autumn', attendancePercent: '82' },
          },
        ],
      }),
      EDUCATION_RECORD_KINDS,
      today,
    );
    expect(parsed.ok ? [] : parsed.violations.map((violation) => violation.field)).toEqual([
      'facts[0].details.attendancePercent',
      'facts[0].details.attendancePercent',
      'facts[0].details.attendancePercent',
    ]);
  });
});
