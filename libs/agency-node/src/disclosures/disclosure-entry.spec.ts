import { buildCheckResponse } from '../checks/check-response';
import { aConfirmedMatch, aRecordFact, aResponseInput } from '../testing/factories';
import { disclosureEntry } from './disclosure-entry';

describe('the disclosure log entry for a response', () => {
  const check = { reference: 'MASH-20261120-000001', concernCategories: ['domestic-abuse', 'neglect'] };

  it('counts items by classification and lists the records shared, once each', () => {
    const response = buildCheckResponse(
      aResponseInput({
        matches: [
          aConfirmedMatch('P-1', [
            aRecordFact(),
            aRecordFact({ kind: 'intelligence' }),
            aRecordFact({ classification: 'mash-only' }),
          ]),
          aConfirmedMatch('P-2', [aRecordFact()], { subjectId: 'adult-0' }),
        ],
      }),
    );
    expect(disclosureEntry(check, response, 'response-1')).toMatchObject({
      checkId: response.checkId,
      contactId: response.contactId,
      sharedWith: 'mash',
      shareableItems: 2,
      mashOnlyItems: 2,
      recordIds: ['P-1', 'P-2'],
      respondedBy: 'automatic',
      disclosedAt: new Date('2026-11-20T10:00:00Z'),
      purpose: 'MASH check MASH-20261120-000001 (concerns: domestic-abuse, neglect)',
      responseId: 'response-1',
      partial: false,
      noTrace: false,
    });
  });

  it('says a partial answer is partial, and how many enquiries are still awaited', () => {
    const response = {
      ...buildCheckResponse(aResponseInput()),
      partial: true,
      awaiting: [
        { what: 'health visiting notes', from: 'health visiting team', since: '2026-11-20T09:00:00Z' },
      ],
    };
    expect(disclosureEntry(check, response, 'response-2')).toMatchObject({
      partial: true,
      responseId: 'response-2',
      purpose:
        'MASH check MASH-20261120-000001 (concerns: domestic-abuse, neglect); partial answer, awaiting 1 enquiry(ies)',
    });
  });

  it('records a no-trace answer as a disclosure of nothing held', () => {
    const entry = disclosureEntry(check, buildCheckResponse(aResponseInput()), 'response-1');
    expect(entry).toMatchObject({
      shareableItems: 0,
      mashOnlyItems: 0,
      recordIds: [],
      noTrace: true,
      rag: 'green',
    });
  });

  it('holds no summary text', () => {
    const response = buildCheckResponse(
      aResponseInput({ matches: [aConfirmedMatch('P-1', [aRecordFact({ summary: 'private words' })])] }),
    );
    expect(JSON.stringify(disclosureEntry(check, response, 'r'))).not.toContain('private words');
  });
});
