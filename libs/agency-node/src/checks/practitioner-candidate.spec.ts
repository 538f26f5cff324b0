import { aCheckSubject } from '@mash/contracts/testing';
import { scoreCandidate } from '@mash/matching';
import {
  ADDED_BY_PRACTITIONER,
  addedCandidateViolations,
  practitionerCandidate,
} from './practitioner-candidate';

const addedAt = new Date('2026-11-20T12:00:00Z');
const subjects = [
  aCheckSubject({ subjectId: 'child-0' }),
  aCheckSubject({ subjectId: 'adult-0', role: 'adult' }),
];

function aRecord(overrides: Record<string, unknown> = {}) {
  return {
    recordId: 'P-SIOBHAN',
    givenName: 'Siobhan',
    familyName: 'MacDermott',
    otherNames: [],
    dateOfBirth: '2014-06-21',
    gender: 'female' as const,
    address: null,
    ...overrides,
  };
}

describe('a candidate a practitioner adds from their own search', () => {
  it('must be for a subject of the check and a record the agency holds, each naming its field', () => {
    const input = { subjectId: 'child-0', recordId: 'P-SIOBHAN', reason: 'Found under her earlier name' };
    expect(addedCandidateViolations(input, subjects, true)).toEqual([]);
    expect(
      addedCandidateViolations({ ...input, subjectId: 'child-3' }, subjects, false).map(
        ({ field, rule }) => ({
          field,
          rule,
        }),
      ),
    ).toEqual([
      { field: 'subjectId', rule: 'isSubjectOfCheck' },
      { field: 'recordId', rule: 'isAgencyRecord' },
    ]);
  });

  it('never quotes the ids or the reason in its messages', () => {
    const violations = addedCandidateViolations(
      { subjectId: 'child-3', recordId: 'P-SIOBHAN', reason: 'Found under her earlier name' },
      subjects,
      false,
    );
    expect(JSON.stringify(violations.map((violation) => violation.message))).not.toMatch(
      /child-3|P-SIOBHAN|earlier name/,
    );
  });

  it('is confirmed by the practitioner who added it, a possible match, with their reason after saying who added it', () => {
    const candidate = practitionerCandidate({
      checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
      subject: subjects[0],
      record: aRecord(),
      reason: '  Found under her earlier name  ',
      practitionerId: 'practitioner-7',
      addedAt,
    });
    expect(candidate).toMatchObject({
      checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
      subjectId: 'child-0',
      recordId: 'P-SIOBHAN',
      confidence: 'possible-match',
      review: 'confirmed',
      reviewedBy: 'practitioner-7',
      reviewedAt: addedAt,
      origin: 'practitioner',
    });
    expect(candidate.reasons.slice(0, 2)).toEqual([ADDED_BY_PRACTITIONER, 'Found under her earlier name']);
  });

  it('is scored as the matcher scores it, with the matcher’s reasons, even when that is below the possible-match line', () => {
    const subject = subjects[0];
    const record = aRecord();
    const scored = scoreCandidate(subject, record, addedAt);
    const candidate = practitionerCandidate({
      checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
      subject,
      record,
      reason: 'Same school, same mother',
      practitionerId: 'practitioner-7',
      addedAt,
    });
    expect(scored.confidence).toBeNull();
    expect(candidate.score).toBe(scored.score);
    expect(candidate.score).toBeLessThan(0.5);
    expect(candidate.reasons.slice(2)).toEqual(scored.reasons);
    expect(candidate.reasons).toContain('date of birth differs');
  });

  it('stays a possible match when the record would score as a match: the matcher did not propose it', () => {
    const subject = subjects[0];
    const candidate = practitionerCandidate({
      checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
      subject,
      record: aRecord({
        givenName: subject.givenName,
        familyName: subject.familyName,
        dateOfBirth: subject.dateOfBirth,
        address: subject.address,
      }),
      reason: 'The same child',
      practitionerId: 'practitioner-7',
      addedAt,
    });
    expect(candidate.score).toBeGreaterThanOrEqual(0.9);
    expect(candidate.confidence).toBe('possible-match');
  });
});
