import { testRecordKinds } from '../testing/factories';
import {
  PractitionerResponseContext,
  PractitionerResponseInput,
  vetPractitionerResponse,
} from './practitioner-response';

const respondedAt = new Date('2026-11-20T12:00:00Z');

function aContext(overrides: Partial<PractitionerResponseContext> = {}): PractitionerResponseContext {
  return {
    check: {
      checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
      contactId: 'c5b0f6f2-8a8e-4a57-b3c1-6f8f0b9d2e11',
      agency: 'police',
      subjects: [{ subjectId: 'child-0' }, { subjectId: 'adult-0' }],
    },
    candidates: [
      { subjectId: 'child-0', recordId: 'P-AMY', confidence: 'possible-match', review: 'confirmed' },
      { subjectId: 'adult-0', recordId: 'P-BETH', confidence: 'match', review: 'confirmed' },
      { subjectId: 'child-0', recordId: 'P-OTHER', confidence: 'possible-match', review: 'rejected' },
      { subjectId: 'adult-0', recordId: 'P-PENDING', confidence: 'match', review: 'pending' },
    ],
    facts: [
      { factId: 'AMY-1', recordId: 'P-AMY', kind: 'incident', classification: 'shareable' },
      { factId: 'AMY-2', recordId: 'P-AMY', kind: 'intelligence', classification: 'shareable' },
      {
        factId: 'BETH-1',
        recordId: 'P-BETH',
        kind: 'crime',
        classification: 'shareable',
        details: { sensitivity: 'sensitive' },
      },
    ],
    recordKinds: testRecordKinds,
    respondedAt,
    respondedBy: 'practitioner-7',
    ...overrides,
  };
}

function anAnswer(overrides: Partial<PractitionerResponseInput> = {}): PractitionerResponseInput {
  return {
    rag: 'amber',
    analysis: 'Police attended a domestic incident the child witnessed.',
    noTrace: false,
    matchedRecordIds: ['P-AMY'],
    items: [{ summary: 'Domestic incident, child present', classification: 'shareable' }],
    ...overrides,
  };
}

function violations(input: PractitionerResponseInput, context = aContext()) {
  const result = vetPractitionerResponse(input, context);
  if (result.ok) throw new Error('expected the answer to be refused');
  return result.violations.map(({ field, rule }) => ({ field, rule }));
}

describe("vetting a practitioner's answer", () => {
  it('sends exactly what the practitioner chose: their RAG, analysis, records and items, by them', () => {
    const result = vetPractitionerResponse(anAnswer(), aContext());
    if (!result.ok) throw new Error(JSON.stringify(result.violations));
    expect(result.response).toEqual({
      checkId: '7d3c2a8e-3b1f-4a57-9c51-0d2d8f1e6a10',
      contactId: 'c5b0f6f2-8a8e-4a57-b3c1-6f8f0b9d2e11',
      agency: 'police',
      respondedAt: '2026-11-20T12:00:00.000Z',
      rag: 'amber',
      analysis: 'Police attended a domestic incident the child witnessed.',
      noTrace: false,
      matches: [{ subjectId: 'child-0', recordId: 'P-AMY', confidence: 'possible-match' }],
      items: [
        {
          summary: 'Domestic incident, child present',
          classification: 'shareable',
          recordId: 'P-AMY',
          subjectId: 'child-0',
        },
      ],
      respondedBy: 'practitioner-7',
    });
    // Nothing of Beth, confirmed but not chosen, goes.
    expect(JSON.stringify(result.response)).not.toContain('P-BETH');
  });

  it('refuses a record that is not a confirmed candidate: rejected, still pending, or never proposed', () => {
    expect(
      violations(anAnswer({ matchedRecordIds: ['P-OTHER', 'P-PENDING', 'P-STRANGER', 'P-AMY'], items: [] })),
    ).toEqual([
      { field: 'matchedRecordIds[0]', rule: 'isConfirmedCandidate' },
      { field: 'matchedRecordIds[1]', rule: 'isConfirmedCandidate' },
      { field: 'matchedRecordIds[2]', rule: 'isConfirmedCandidate' },
    ]);
  });

  it('says no trace exactly when no record is matched, and then shares no item', () => {
    expect(violations(anAnswer({ noTrace: true }))).toEqual([
      { field: 'noTrace', rule: 'agreesWithMatches' },
    ]);
    expect(violations(anAnswer({ noTrace: false, matchedRecordIds: [], items: [] }))).toEqual([
      { field: 'noTrace', rule: 'agreesWithMatches' },
    ]);
    expect(violations(anAnswer({ noTrace: true, matchedRecordIds: [] }))).toEqual([
      { field: 'items', rule: 'isEmpty' },
    ]);
    const noTrace = vetPractitionerResponse(
      anAnswer({ noTrace: true, matchedRecordIds: [], items: [], rag: 'green' }),
      aContext(),
    );
    expect(noTrace.ok && noTrace.response).toMatchObject({ noTrace: true, matches: [], items: [] });
  });

  it('lets an item speak only of a matched record, and asks which when more than one is matched', () => {
    expect(
      violations(
        anAnswer({
          matchedRecordIds: ['P-AMY', 'P-BETH'],
          items: [
            { summary: 'about whom?', classification: 'shareable' },
            { summary: 'about a record not matched', classification: 'shareable', recordId: 'P-OTHER' },
            {
              summary: 'about Beth as the child',
              classification: 'shareable',
              recordId: 'P-BETH',
              subjectId: 'child-0',
            },
          ],
        }),
      ),
    ).toEqual([
      { field: 'items[0].recordId', rule: 'isDefined' },
      { field: 'items[1].recordId', rule: 'isMatchedRecord' },
      { field: 'items[2].subjectId', rule: 'isConfirmedSubject' },
    ]);
  });

  it('ties an item written from a fact to that fact of the matched record, once', () => {
    expect(
      violations(
        anAnswer({
          items: [
            {
              summary: 'from a fact of another record',
              classification: 'mash-only',
              factId: 'BETH-1',
              recordId: 'P-AMY',
            },
            { summary: 'from no fact at all', classification: 'shareable', factId: 'NOPE' },
            { summary: 'once', classification: 'shareable', factId: 'AMY-1' },
            { summary: 'twice', classification: 'shareable', factId: 'AMY-1' },
          ],
        }),
      ),
    ).toEqual([
      { field: 'items[0].factId', rule: 'isFactOfRecord' },
      { field: 'items[1].factId', rule: 'isFactOfRecord' },
      { field: 'items[3].factId', rule: 'unique' },
    ]);
  });

  it('keeps an item written from soft intelligence or a sensitive fact mash-only', () => {
    expect(
      violations(
        anAnswer({
          matchedRecordIds: ['P-AMY', 'P-BETH'],
          items: [
            { summary: 'intelligence', classification: 'shareable', factId: 'AMY-2' },
            { summary: 'sensitive crime', classification: 'shareable', factId: 'BETH-1' },
            { summary: 'incident', classification: 'mash-only', factId: 'AMY-1' },
          ],
        }),
      ),
    ).toEqual([
      { field: 'items[0].classification', rule: 'notLessSensitive' },
      { field: 'items[1].classification', rule: 'notLessSensitive' },
    ]);
  });

  it('keeps which fact each item came from for the node, and off the wire', () => {
    const result = vetPractitionerResponse(
      anAnswer({ items: [{ summary: 'incident', classification: 'shareable', factId: 'AMY-1' }] }),
      aContext(),
    );
    if (!result.ok) throw new Error('refused');
    expect(result.storedItems).toEqual([
      {
        summary: 'incident',
        classification: 'shareable',
        recordId: 'P-AMY',
        subjectId: 'child-0',
        factId: 'AMY-1',
      },
    ]);
    expect(JSON.stringify(result.response)).not.toContain('AMY-1');
  });

  it('sends a partial answer with what is still awaited, from whom and since when', () => {
    const awaiting = [{ what: 'Custody records', from: 'Custody team', since: '2026-11-20T09:00:00Z' }];
    const result = vetPractitionerResponse(anAnswer({ partial: true, awaiting }), aContext());
    expect(result.ok && result.response).toMatchObject({ partial: true, awaiting });
  });

  it('refuses a partial answer that awaits nothing, a complete one that still awaits, and an enquiry dated in the future', () => {
    expect(violations(anAnswer({ partial: true, awaiting: [] }))).toEqual([
      { field: 'awaiting', rule: 'arrayNotEmpty' },
    ]);
    expect(
      violations(anAnswer({ awaiting: [{ what: 'x', from: 'y', since: '2026-11-20T09:00:00Z' }] })),
    ).toEqual([{ field: 'awaiting', rule: 'isEmpty' }]);
    expect(
      violations(
        anAnswer({ partial: true, awaiting: [{ what: 'x', from: 'y', since: '2026-11-21T09:00:00Z' }] }),
      ),
    ).toEqual([{ field: 'awaiting[0].since', rule: 'notInFuture' }]);
  });

  it('names fields in its messages, never ids or text', () => {
    const result = vetPractitionerResponse(
      anAnswer({
        matchedRecordIds: ['P-STRANGER'],
        items: [{ summary: 'Amy Jones', classification: 'shareable' }],
      }),
      aContext(),
    );
    expect(JSON.stringify(!result.ok && result.violations)).not.toMatch(/P-STRANGER|Amy/);
  });
});

describe('keeping mash-only text out of the analysis and of shareable items (issue 15)', () => {
  const intelligence = 'Intelligence suggests the uncle is running drugs from the flat above.';
  const withIntelligence = () =>
    aContext({
      facts: [
        {
          factId: 'AMY-1',
          recordId: 'P-AMY',
          kind: 'incident',
          classification: 'shareable',
          summary: 'Incident',
        },
        {
          factId: 'AMY-9',
          recordId: 'P-AMY',
          kind: 'intelligence',
          classification: 'mash-only',
          summary: intelligence,
        },
      ],
    });

  it('refuses an analysis that quotes a mash-only fact, however disguised', () => {
    expect(
      violations(
        anAnswer({
          analysis: `Of note: intel\u00ADligence suggests the uncle is running drugs from the flat.`,
        }),
        withIntelligence(),
      ),
    ).toEqual([{ field: 'analysis', rule: 'quotesNoMashOnly' }]);
  });

  it('refuses an analysis that quotes a mash-only item of the same answer', () => {
    const items = [
      { summary: 'Domestic incident, child present', classification: 'shareable' as const },
      {
        summary: 'A neighbour reported men arriving late at night with parcels',
        classification: 'mash-only' as const,
      },
    ];
    expect(
      violations(
        anAnswer({ items, analysis: 'A neighbour reported men arriving late at night with parcels.' }),
      ),
    ).toEqual([{ field: 'analysis', rule: 'quotesNoMashOnly' }]);
  });

  it('refuses a shareable item drawn from a mash-only fact that does not name it', () => {
    expect(
      violations(
        anAnswer({
          items: [
            {
              summary: 'Intelligence suggests the uncle is running drugs from the flat',
              classification: 'shareable',
            },
          ],
        }),
        withIntelligence(),
      ),
    ).toEqual([{ field: 'items[0].factId', rule: 'namesItsFact' }]);
  });

  it('accepts an analysis that only says such information exists', () => {
    const result = vetPractitionerResponse(
      anAnswer({ analysis: 'Police hold intelligence about a relative; it is shared as mash-only.' }),
      withIntelligence(),
    );
    expect(result.ok).toBe(true);
  });
});
