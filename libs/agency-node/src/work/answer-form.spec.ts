import type { CheckDraftView } from '../checks/dto/check.response';
import { answerFormFromDraft, answerFormFromPost, answerRequest } from './answer-form';

const draft: CheckDraftView = {
  rag: 'amber',
  analysis: 'Drafted analysis',
  noTrace: false,
  matchedRecordIds: ['P-1'],
  items: [
    {
      summary: 'Intelligence',
      classification: 'mash-only',
      recordId: 'P-1',
      subjectId: 'child-0',
      factId: 'F-1',
    },
    {
      summary: 'Incident',
      classification: 'shareable',
      recordId: 'P-1',
      subjectId: 'child-0',
      factId: 'F-2',
    },
  ],
  sharedBefore: [],
} as CheckDraftView;

describe('the answer form', () => {
  it('starts from the draft, every item included, an item from a mash-only fact marked so', () => {
    const form = answerFormFromDraft(draft, new Date('2026-12-04T10:00:00Z'));
    expect(form.items.map((item) => [item.include, item.mashOnlyFact])).toEqual([
      [true, true],
      [true, false],
    ]);
    expect(form.awaiting.since).toEqual({ day: '4', month: '12', year: '2026' });
    expect(form.partial).toBeUndefined();
  });

  it("keeps the draft's records and facts whatever is posted, and sends only the items ticked", () => {
    const form = answerFormFromPost(draft, {
      rag: 'red',
      analysis: '  So what  ',
      partial: 'no',
      recordId: 'P-OTHER',
      items: [
        { include: 'yes', summary: 'Edited intelligence', classification: 'mash-only', factId: 'F-9' },
        { summary: 'Incident', classification: 'shareable' },
      ],
    });
    const request = answerRequest(form);
    expect(request).toEqual({
      rag: 'red',
      analysis: 'So what',
      noTrace: false,
      matchedRecordIds: ['P-1'],
      partial: false,
      items: [
        {
          summary: 'Edited intelligence',
          classification: 'mash-only',
          recordId: 'P-1',
          subjectId: 'child-0',
          factId: 'F-1',
        },
      ],
    });
  });

  it('a partial answer says what is awaited, from whom and since a real date (else a blank the DTO refuses)', () => {
    const body = {
      rag: 'amber',
      analysis: 'x',
      partial: 'yes',
      awaitingWhat: 'Return interview',
      awaitingFrom: 'Missing persons coordinator',
      'awaitingSince-day': '3',
      'awaitingSince-month': '12',
      'awaitingSince-year': '2026',
      items: [],
    };
    expect(answerRequest(answerFormFromPost(draft, body)).awaiting).toEqual([
      { what: 'Return interview', from: 'Missing persons coordinator', since: '2026-12-03T00:00:00.000Z' },
    ]);
    const impossible = answerFormFromPost(draft, {
      ...body,
      'awaitingSince-day': '31',
      'awaitingSince-month': '2',
    });
    expect(answerRequest(impossible).awaiting![0].since).toBe('');
  });
});
