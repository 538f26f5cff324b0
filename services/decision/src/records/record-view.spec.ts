import { aMashRecord, anAnsweredCheck, MASH_ONLY_SUMMARY } from '../../test/factories';
import { recordAsSeenBy } from './record-view';

describe('the MASH record as a caller sees it', () => {
  it('withholds mash-only items from a contact officer anywhere in the record', () => {
    const view = recordAsSeenBy(aMashRecord(), [anAnsweredCheck()], ['contact-officer']);
    expect(JSON.stringify(view)).not.toContain(MASH_ONLY_SUMMARY);
    expect(view.checks[0].response?.items[1]).toEqual({
      classification: 'mash-only',
      agency: 'police',
      withheld: true,
    });
  });

  it('shows mash-only items to a decision maker', () => {
    const view = recordAsSeenBy(aMashRecord(), [anAnsweredCheck()], ['decision-maker']);
    expect(view.checks[0].response?.items[1]).toMatchObject({ summary: MASH_ONLY_SUMMARY, withheld: false });
  });

  it('has no decision until one is recorded, then shows it with who decided and when', () => {
    expect(recordAsSeenBy(aMashRecord(), [], ['social-worker']).decision).toBeNull();
    const decided = aMashRecord({
      status: 'decided',
      outcome: 's17-assessment',
      rationale: 'Needs assessment',
      feedbackToReferrer: null,
      decidedBy: 'dm-1',
      decidedAt: new Date('2024-03-05T10:00:00.000Z'),
    });
    expect(recordAsSeenBy(decided, [], ['social-worker']).decision).toEqual({
      outcome: 's17-assessment',
      rationale: 'Needs assessment',
      feedbackToReferrer: null,
      decidedBy: 'dm-1',
      decidedAt: '2024-03-05T10:00:00.000Z',
      signedOffBy: null,
    });
  });

  it('gives the contact without repeating its ids, and every API.md section', () => {
    const view = recordAsSeenBy(aMashRecord(), [], ['team-manager']);
    expect(Object.keys(view.contact).sort()).toEqual(
      ['adults', 'channel', 'children', 'concern', 'consent', 'referrer', 'requestType', 'source'].sort(),
    );
    expect(view).toMatchObject({
      receivedAt: '2024-03-04T09:15:00.000Z',
      screening: { route: 'mash-checks', screenedAt: '2024-03-04T09:40:00.000Z' },
      rag: { rating: 'amber', setBy: 'triage' },
      deadlines: { checksDueAt: null, decisionDueAt: null, feedbackDueAt: null },
      feedbackSentAt: null,
    });
  });
});
