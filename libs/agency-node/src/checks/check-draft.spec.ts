import { aConfirmedMatch, aCrimeDetails, aRecordFact, aResponseInput } from '../testing/factories';
import { practitionerDraft } from './check-draft';

function aDraftInput(overrides: Partial<Parameters<typeof practitionerDraft>[0]> = {}) {
  const { respondedBy: _unused, ...input } = aResponseInput();
  return { ...input, partial: null, sharedBefore: new Map(), ...overrides };
}

describe("the draft a practitioner's answer starts from", () => {
  it('offers one item per fact of each confirmed record, each knowing its fact, rated by the most serious', () => {
    const draft = practitionerDraft(
      aDraftInput({
        matches: [
          aConfirmedMatch('P-1', [
            aRecordFact({ factId: 'F-1', severity: 'amber' }),
            aRecordFact({ factId: 'F-2', kind: 'crime', severity: 'red', details: aCrimeDetails() }),
          ]),
        ],
      }),
    );
    expect(draft).toMatchObject({
      rag: 'red',
      noTrace: false,
      matchedRecordIds: ['P-1'],
      analysis: '2 facts',
    });
    expect(draft.items.map((item) => [item.factId, item.recordId, item.subjectId])).toEqual([
      ['F-1', 'P-1', 'child-0'],
      ['F-2', 'P-1', 'child-0'],
    ]);
    expect(draft.items[1].summary).toContain('Crime (victim; assault)');
  });

  it('is no trace with nothing to share when no record is confirmed', () => {
    expect(practitionerDraft(aDraftInput())).toMatchObject({
      noTrace: true,
      rag: 'green',
      items: [],
      matchedRecordIds: [],
    });
  });

  it('after a partial answer, starts from it and adds only the facts it does not hold yet (Northamptonshire 12)', () => {
    const draft = practitionerDraft(
      aDraftInput({
        matches: [
          aConfirmedMatch('P-1', [
            aRecordFact({ factId: 'F-1' }),
            aRecordFact({ factId: 'F-2', severity: 'green' }),
          ]),
        ],
        partial: {
          rag: 'red',
          analysis: 'What the practitioner wrote in the partial answer.',
          items: [
            {
              summary: 'Written by hand about F-1',
              classification: 'shareable',
              recordId: 'P-1',
              subjectId: 'child-0',
              factId: 'F-1',
            },
            {
              summary: 'A record since rejected',
              classification: 'shareable',
              recordId: 'P-9',
              subjectId: 'child-0',
              factId: 'F-9',
            },
          ],
        },
      }),
    );
    expect(draft.analysis).toBe('What the practitioner wrote in the partial answer.');
    expect(draft.rag).toBe('red');
    expect(draft.items.map((item) => item.factId)).toEqual(['F-1', 'F-2']);
    expect(draft.items[0].summary).toBe('Written by hand about F-1');
  });

  it('points out facts already shared about the same people on an earlier check', () => {
    const earlier = { checkId: 'c-0', reference: 'MASH-0', respondedAt: '2026-01-01T10:00:00.000Z' };
    const draft = practitionerDraft(
      aDraftInput({
        matches: [aConfirmedMatch('P-1', [aRecordFact({ factId: 'F-1' }), aRecordFact({ factId: 'F-2' })])],
        sharedBefore: new Map([['F-2', earlier]]),
      }),
    );
    expect(draft.sharedBefore).toEqual([{ factId: 'F-2', ...earlier }]);
  });
});
