import { aConfirmedMatch, aRecordFact, aResponseInput } from '../testing/factories';
import { buildCheckResponse } from './check-response';

describe('building the response to a check', () => {
  it('shares one item per fact of each matched record, tagged with its record and subject', () => {
    const response = buildCheckResponse(
      aResponseInput({
        matches: [
          aConfirmedMatch('P-1', [aRecordFact({ factId: 'F-a' }), aRecordFact({ factId: 'F-b' })]),
          aConfirmedMatch('P-2', [aRecordFact({ factId: 'F-c' })], { subjectId: 'adult-0' }),
        ],
      }),
    );
    expect(response.items).toHaveLength(3);
    expect(response.items.map((item) => [item.recordId, item.subjectId])).toEqual([
      ['P-1', 'child-0'],
      ['P-1', 'child-0'],
      ['P-2', 'adult-0'],
    ]);
    expect(response.matches).toEqual([
      { subjectId: 'child-0', recordId: 'P-1', confidence: 'match' },
      { subjectId: 'adult-0', recordId: 'P-2', confidence: 'match' },
    ]);
    expect(response.noTrace).toBe(false);
    expect(response.respondedBy).toBe('automatic');
  });

  it('never shares anything about a record matched to someone the request did not ask about', () => {
    const response = buildCheckResponse(
      aResponseInput({
        matches: [
          aConfirmedMatch('P-1', [aRecordFact({ summary: 'asked about' })]),
          aConfirmedMatch('P-9', [aRecordFact({ summary: 'a stranger', severity: 'red' })], {
            subjectId: 'adult-7',
          }),
        ],
      }),
    );
    expect(response.matches.map((match) => match.recordId)).toEqual(['P-1']);
    expect(response.items.map((item) => item.recordId)).toEqual(['P-1']);
    expect(JSON.stringify(response)).not.toContain('a stranger');
    // The stranger's red fact does not colour the answer either.
    expect(response.rag).toBe('amber');
  });

  it('keeps a mash-only fact mash-only and a shareable fact shareable', () => {
    const response = buildCheckResponse(
      aResponseInput({
        matches: [
          aConfirmedMatch('P-1', [
            aRecordFact({ kind: 'crime', classification: 'mash-only', date: '2026-06-02' }),
            aRecordFact({ kind: 'incident', classification: 'shareable', date: '2026-06-01' }),
          ]),
        ],
      }),
    );
    expect(response.items.map((item) => item.classification)).toEqual(['mash-only', 'shareable']);
  });

  it('shares police intelligence as mash-only even when the stored fact says shareable', () => {
    const response = buildCheckResponse(
      aResponseInput({
        matches: [
          aConfirmedMatch('P-1', [aRecordFact({ kind: 'intelligence', classification: 'shareable' })]),
        ],
      }),
    );
    expect(response.items).toEqual([expect.objectContaining({ classification: 'mash-only' })]);
  });

  it.each([
    [['green', 'amber', 'red'], 'red'],
    [['green', 'amber'], 'amber'],
    [['green'], 'green'],
  ] as const)('rates the answer by its most serious fact (%j gives %s)', (severities, rag) => {
    const facts = severities.map((severity) => aRecordFact({ severity }));
    expect(buildCheckResponse(aResponseInput({ matches: [aConfirmedMatch('P-1', facts)] })).rag).toBe(rag);
  });

  it('answers no trace, green, with no items when nothing matched', () => {
    const response = buildCheckResponse(aResponseInput({ matches: [] }));
    expect(response).toMatchObject({ noTrace: true, rag: 'green', matches: [], items: [] });
  });

  it('a matched record with no facts is a trace, green, with no items', () => {
    const response = buildCheckResponse(aResponseInput({ matches: [aConfirmedMatch('P-1', [])] }));
    expect(response).toMatchObject({ noTrace: false, rag: 'green', items: [] });
  });

  it('reads each item as date, kind and role before the summary, newest first', () => {
    const response = buildCheckResponse(
      aResponseInput({
        matches: [
          aConfirmedMatch('P-1', [
            aRecordFact({ date: '2025-01-01', kind: 'incident', role: 'witness', summary: 'older' }),
            aRecordFact({ date: '2026-02-03', kind: 'crime', role: 'victim', summary: 'newer' }),
          ]),
        ],
      }),
    );
    expect(response.items.map((item) => item.summary)).toEqual([
      '2026-02-03 Crime (victim): newer',
      '2025-01-01 Incident (witness): older',
    ]);
  });

  it('gives the analysis function kinds, dates and ratings of shared facts only, never summaries', () => {
    const analyse = jest.fn().mockReturnValue('what it means');
    const response = buildCheckResponse(
      aResponseInput({
        analyse,
        matches: [
          aConfirmedMatch('P-1', [
            aRecordFact({ kind: 'intelligence', summary: 'secret', classification: 'shareable' }),
          ]),
        ],
      }),
    );
    expect(response.analysis).toBe('what it means');
    const input = analyse.mock.calls[0][0];
    expect(input).toMatchObject({
      subjectsAsked: 2,
      subjectsMatched: 1,
      concernCategories: ['domestic-abuse'],
    });
    expect(input.facts).toEqual([
      expect.objectContaining({
        kind: 'intelligence',
        classification: 'mash-only',
        subjectRole: 'child',
        recordId: 'P-1',
      }),
    ]);
    expect(JSON.stringify(input)).not.toContain('secret');
  });

  it('shares a fact once when the same record is matched twice', () => {
    const fact = aRecordFact();
    const response = buildCheckResponse(
      aResponseInput({ matches: [aConfirmedMatch('P-1', [fact]), aConfirmedMatch('P-1', [fact])] }),
    );
    expect(response.items).toHaveLength(1);
    expect(response.matches).toHaveLength(1);
  });

  it('tells the analysis how many subjects could not be searched for want of a date of birth', () => {
    const analyse = jest.fn().mockReturnValue('');
    const base = aResponseInput();
    buildCheckResponse({
      ...base,
      analyse,
      check: {
        ...base.check,
        subjects: [
          ...base.check.subjects,
          { subjectId: 'adult-1', role: 'adult', givenName: 'C', familyName: 'D', dateOfBirth: null },
        ],
      },
    });
    expect(analyse.mock.calls[0][0]).toMatchObject({ subjectsAsked: 3, subjectsNotSearched: 1 });
  });
});
