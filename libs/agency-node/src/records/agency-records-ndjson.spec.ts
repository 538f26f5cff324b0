import { aCrimeDetails, aRecordLine, testRecordKinds, toNdjson } from '../testing/factories';
import { parseAgencyRecords, ParsedAgencyRecords } from './agency-records-ndjson';

const today = new Date('2026-11-20T10:00:00Z');
const parse = (ndjson: string) => parseAgencyRecords(ndjson, testRecordKinds, today);

function violationsOf(result: ParsedAgencyRecords) {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.violations.map(({ line, field, rule }) => ({ line, field, rule }));
}

function aFact(overrides: Record<string, unknown> = {}) {
  return {
    factId: 'F-x',
    date: '2026-01-01',
    kind: 'crime',
    summary: 'Reported assault at the home address.',
    classification: 'shareable',
    severity: 'red',
    role: 'victim',
    details: aCrimeDetails(),
    ...overrides,
  };
}

describe('reading an agency NDJSON import', () => {
  it('reads one person a line with their facts, ignoring blank lines', () => {
    const result = parse(toNdjson([aRecordLine({ recordId: 'P-1' }), '', aRecordLine({ recordId: 'P-2' })]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.records.map((record) => record.recordId)).toEqual(['P-1', 'P-2']);
  });

  it('names the line, field and rule of each bad line, counting blank lines', () => {
    const result = parse(
      toNdjson([
        aRecordLine(),
        '',
        aRecordLine({ dateOfBirth: '2016-02-30' }),
        aRecordLine({ facts: [aFact({ kind: 'parking-ticket' })] }),
      ]),
    );
    expect(violationsOf(result)).toEqual([
      { line: 3, field: 'dateOfBirth', rule: 'isCalendarDate' },
      { line: 4, field: 'facts[0].kind', rule: 'isIn' },
    ]);
  });

  it('refuses a line that is not JSON, or not an object', () => {
    expect(violationsOf(parse('{"recordId": \n[1,2]\n'))).toEqual([
      { line: 1, field: '(line)', rule: 'isJson' },
      { line: 2, field: '(line)', rule: 'isObject' },
    ]);
  });

  it('refuses a misspelt field rather than dropping it', () => {
    const line = aRecordLine();
    delete line.dateOfBirth;
    line.dateofBirth = '2016-03-04';
    expect(violationsOf(parse(toNdjson([line])))).toEqual(
      expect.arrayContaining([
        { line: 1, field: 'dateofBirth', rule: 'whitelistValidation' },
        { line: 1, field: 'dateOfBirth', rule: 'isCalendarDate' },
      ]),
    );
  });

  it.each([
    [
      'a fact with an unknown classification',
      { facts: [aFact({ classification: 'secret' })] },
      'facts[0].classification',
      'isIn',
    ],
    [
      'a fact with an unknown severity',
      { facts: [aFact({ severity: 'purple' })] },
      'facts[0].severity',
      'isIn',
    ],
    ['a police fact without a role', { facts: [aFact({ role: undefined })] }, 'facts[0].role', 'isDefined'],
    [
      'a police fact with an unknown role',
      { facts: [aFact({ role: 'bystander' })] },
      'facts[0].role',
      'isIn',
    ],
    [
      'a fact dated in the future',
      { facts: [aFact({ date: '2026-11-21' })] },
      'facts[0].date',
      'notInFuture',
    ],
    ['a person born in the future', { dateOfBirth: '2027-01-01' }, 'dateOfBirth', 'notInFuture'],
    ['an invalid postcode', { address: { postcode: 'NOT A POSTCODE' } }, 'address.postcode', 'matches'],
    ['a malformed NHS number', { nhsNumber: '123' }, 'nhsNumber', 'matches'],
    ['a missing family name', { familyName: undefined }, 'familyName', 'isString'],
    ['facts that are not a list', { facts: 'none' }, 'facts', 'isArray'],
    ['an unsafe record id', { recordId: 'P 1<script>' }, 'recordId', 'matches'],
  ])('refuses %s', (_case, overrides, field, rule) => {
    expect(violationsOf(parse(toNdjson([aRecordLine(overrides)])))).toContainEqual({ line: 1, field, rule });
  });

  it('refuses a record id or fact id that appears twice in the file, naming the first line', () => {
    const result = parse(
      toNdjson([
        aRecordLine({ recordId: 'P-1', facts: [aFact({ factId: 'F-1' })] }),
        aRecordLine({ recordId: 'P-1', facts: [aFact({ factId: 'F-1' })] }),
      ]),
    );
    expect(violationsOf(result)).toEqual([
      { line: 2, field: 'recordId', rule: 'unique' },
      { line: 2, field: 'facts[0].factId', rule: 'unique' },
    ]);
    if (!result.ok) expect(result.violations[0].message).toContain('line 1');
  });

  it('refuses an empty body', () => {
    expect(violationsOf(parse('\n\n'))).toEqual([{ line: 1, field: '(body)', rule: 'isNotEmpty' }]);
  });

  it('never repeats a value in its messages', () => {
    const result = parse(
      toNdjson([aRecordLine({ givenName: 'Zebedee'.repeat(20), dateOfBirth: '1999-99-99' })]),
    );
    expect(JSON.stringify(result)).not.toContain('Zebedee');
    expect(JSON.stringify(result)).not.toContain('1999-99-99');
  });

  it('stores intelligence as mash-only whatever the line says', () => {
    const result = parse(
      toNdjson([
        aRecordLine({
          facts: [aFact({ kind: 'intelligence', classification: 'shareable', details: undefined })],
        }),
      ]),
    );
    expect(result.ok && result.records[0].facts[0].classification).toBe('mash-only');
  });

  it("checks a kind's own fields, naming each under details", () => {
    const result = parse(
      toNdjson([
        aRecordLine({
          facts: [
            aFact({ details: { type: 'arson', sensitivity: 'standard' } }),
            aFact({ factId: 'F-2', details: { ...aCrimeDetails(), victims: 'two' } }),
            aFact({ factId: 'F-3', details: { ...aCrimeDetails(), colour: 'blue' } }),
            aFact({ factId: 'F-4', details: undefined }),
            aFact({ factId: 'F-5', details: ['assault'] }),
          ],
        }),
      ]),
    );
    expect(violationsOf(result)).toEqual([
      { line: 1, field: 'facts[4].details', rule: 'isObject' },
      { line: 1, field: 'facts[0].details.type', rule: 'isIn' },
      { line: 1, field: 'facts[1].details.victims', rule: 'min' },
      { line: 1, field: 'facts[1].details.victims', rule: 'isInt' },
      { line: 1, field: 'facts[2].details.colour', rule: 'whitelistValidation' },
      { line: 1, field: 'facts[3].details', rule: 'isDefined' },
    ]);
    expect(JSON.stringify(result)).not.toContain('arson');
  });

  it('refuses details or a role on a kind that records neither', () => {
    const result = parse(
      toNdjson([
        aRecordLine({
          facts: [
            aFact({ kind: 'note', role: undefined, details: { anything: 1 } }),
            aFact({ factId: 'F-2', kind: 'note', role: 'victim', details: undefined }),
          ],
        }),
      ]),
    );
    expect(violationsOf(result)).toEqual([
      { line: 1, field: 'facts[0].details', rule: 'isEmpty' },
      { line: 1, field: 'facts[1].role', rule: 'isEmpty' },
    ]);
  });

  it("keeps a kind's details as validated, and a fact its details mark sensitive becomes mash-only", () => {
    const result = parse(
      toNdjson([
        aRecordLine({
          facts: [
            aFact({ details: { ...aCrimeDetails({ sensitivity: 'sensitive' }), reference: 'CR/1' } }),
            aFact({ factId: 'F-2', kind: 'note', role: undefined, details: undefined }),
          ],
        }),
      ]),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.violations));
    expect(result.records[0].facts[0]).toMatchObject({
      classification: 'mash-only',
      details: { type: 'assault', sensitivity: 'sensitive', reference: 'CR/1' },
    });
    expect(result.records[0].facts[1].details).toEqual({});
  });
});
