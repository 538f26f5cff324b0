import { parseSocialCareIndex } from './social-care-index-ndjson';

function aLine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    recordId: 'SC-100234',
    givenName: 'Amelia',
    familyName: 'Example',
    otherNames: ['Millie'],
    dateOfBirth: '2016-05-14',
    gender: 'female',
    address: { line1: '1 Example Street', town: 'Exampletown', postcode: 'EX1 2AB' },
    status: 'open',
    allocatedWorker: 'Sam Worker',
    team: 'Children in Need Team 2',
    openedAt: '2024-01-05',
    closedAt: null,
    ...overrides,
  };
}
const ndjson = (...lines: Array<Record<string, unknown> | string>) =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

describe('social care index NDJSON import', () => {
  it('accepts every field API.md lists, one child a line', () => {
    const { records, violations } = parseSocialCareIndex(
      ndjson(
        aLine(),
        aLine({
          recordId: 'SC-2',
          status: 'closed',
          closedAt: '2025-06-30T16:00:00Z',
          allocatedWorker: null,
        }),
      ),
    );
    expect(violations).toEqual([]);
    expect(records.map((r) => [r.recordId, r.status])).toEqual([
      ['SC-100234', 'open'],
      ['SC-2', 'closed'],
    ]);
  });

  it('reports a bad date on line 3 as line 3, field dateOfBirth, and keeps no record', () => {
    const { records, violations } = parseSocialCareIndex(
      ndjson(
        aLine({ recordId: 'A' }),
        aLine({ recordId: 'B' }),
        aLine({ recordId: 'C', dateOfBirth: '2016-02-30' }),
      ),
    );
    expect(violations).toEqual([
      expect.objectContaining({ line: 3, field: 'dateOfBirth', rule: 'isCalendarDate' }),
    ]);
    // The caller stores nothing when there is any violation; the good lines are parsed but must not be used.
    expect(records).toHaveLength(2);
  });

  it('numbers lines as an editor does, counting blank lines', () => {
    const { violations } = parseSocialCareIndex(
      ndjson(aLine({ recordId: 'A' }), '', aLine({ recordId: 'B', status: 'pending' })),
    );
    expect(violations).toEqual([expect.objectContaining({ line: 3, field: 'status', rule: 'isIn' })]);
  });

  it('names every bad line, not just the first', () => {
    const { violations } = parseSocialCareIndex(
      ndjson(
        aLine({ recordId: 'A', givenName: '' }),
        aLine({ recordId: 'B' }),
        aLine({ recordId: 'C', gender: 'x' }),
      ),
    );
    expect(violations.map((v) => [v.line, v.field])).toEqual([
      [1, 'givenName'],
      [3, 'gender'],
    ]);
  });

  it('refuses a field API.md does not list, so a misspelt one is not silently lost', () => {
    const { violations } = parseSocialCareIndex(ndjson(aLine({ dateofBirth: '2016-05-14' })));
    expect(violations).toEqual([
      expect.objectContaining({ line: 1, field: 'dateofBirth', rule: 'whitelistValidation' }),
    ]);
  });

  it('refuses a bad postcode inside the address, naming the nested field', () => {
    const { violations } = parseSocialCareIndex(ndjson(aLine({ address: { postcode: 'nowhere' } })));
    expect(violations).toEqual([expect.objectContaining({ line: 1, field: 'address.postcode' })]);
  });

  it('refuses an impossible closing date-time', () => {
    const { violations } = parseSocialCareIndex(
      ndjson(aLine({ status: 'closed', closedAt: '2025-02-30T10:00:00Z' })),
    );
    expect(violations).toEqual([
      expect.objectContaining({ line: 1, field: 'closedAt', rule: 'isDateOrDateTime' }),
    ]);
  });

  it('reports a line that is not JSON without quoting it', () => {
    const { violations } = parseSocialCareIndex(ndjson(aLine(), '{"recordId": "SC-9", "givenName": "Zara"'));
    expect(violations).toEqual([expect.objectContaining({ line: 2, rule: 'isJson' })]);
    expect(JSON.stringify(violations)).not.toContain('Zara');
  });

  it('reports a record id repeated within one file', () => {
    const { violations } = parseSocialCareIndex(ndjson(aLine(), aLine()));
    expect(violations).toEqual([expect.objectContaining({ line: 2, field: 'recordId', rule: 'unique' })]);
  });

  it('refuses an empty import', () => {
    expect(parseSocialCareIndex('\n\n').violations).toEqual([expect.objectContaining({ rule: 'notEmpty' })]);
  });

  it('never puts a value into a violation message', () => {
    const { violations } = parseSocialCareIndex(
      ndjson(aLine({ familyName: 'X'.repeat(101), dateOfBirth: '14/05/2016' })),
    );
    expect(violations.length).toBe(2);
    expect(JSON.stringify(violations)).not.toMatch(/XXXX|14\/05\/2016/);
  });
});
