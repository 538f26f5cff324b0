import { aMashRecord, anAnsweredCheck, aRecordCheck, MASH_ONLY_SUMMARY } from '../../test/factories';
import { NO_HISTORY, recordAsSeenBy } from './record-view';

const NOW = new Date('2024-03-04T12:00:00.000Z');

describe('the MASH record as a caller sees it', () => {
  it('withholds mash-only items from a contact officer anywhere in the record', () => {
    const view = recordAsSeenBy(aMashRecord(), [anAnsweredCheck()], ['contact-officer'], NOW);
    expect(JSON.stringify(view)).not.toContain(MASH_ONLY_SUMMARY);
    expect(view.checks[0].response?.items[1]).toEqual({
      classification: 'mash-only',
      agency: 'police',
      withheld: true,
    });
  });

  it('shows mash-only items to a decision maker', () => {
    const view = recordAsSeenBy(aMashRecord(), [anAnsweredCheck()], ['decision-maker'], NOW);
    expect(view.checks[0].response?.items[1]).toMatchObject({ summary: MASH_ONLY_SUMMARY, withheld: false });
  });

  it('has no decision until one is recorded, then shows it with who decided and when', () => {
    expect(recordAsSeenBy(aMashRecord(), [], ['social-worker'], NOW).decision).toBeNull();
    const decided = aMashRecord({
      status: 'decided',
      outcome: 's17-assessment',
      rationale: 'Needs assessment',
      feedbackToReferrer: null,
      decidedBy: 'dm-1',
      decidedAt: new Date('2024-03-05T10:00:00.000Z'),
    });
    expect(recordAsSeenBy(decided, [], ['social-worker'], NOW).decision).toEqual({
      outcome: 's17-assessment',
      rationale: 'Needs assessment',
      feedbackToReferrer: null,
      decidedBy: 'dm-1',
      decidedAt: '2024-03-05T10:00:00.000Z',
      signedOffBy: null,
    });
  });

  it('gives the contact without repeating its ids, and every API.md section', () => {
    const view = recordAsSeenBy(aMashRecord(), [], ['team-manager'], NOW);
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

describe('deadlines, history and consent on the record', () => {
  const due = (time: string) => new Date(`2024-03-04T${time}:00.000Z`);
  const timed = aMashRecord({
    status: 'awaiting-checks',
    checksDueAt: due('13:40'),
    decisionDueAt: due('13:15'),
    leaveHubBy: null,
  });

  it('shows each deadline with when it was met and whether it is met, missed or pending', () => {
    const checks = [
      anAnsweredCheck({ dueAt: due('13:40'), respondedAt: due('12:05') }),
      aRecordCheck({ agency: 'health', dueAt: due('13:40') }),
    ];
    const before = recordAsSeenBy(timed, checks, ['team-manager'], due('13:00')).deadlines;
    expect(before.checks).toEqual({ dueAt: due('13:40').toISOString(), metAt: null, status: 'pending' });
    expect(before.decision).toEqual({ dueAt: due('13:15').toISOString(), metAt: null, status: 'pending' });
    const after = recordAsSeenBy(timed, checks, ['team-manager'], due('14:00')).deadlines;
    expect(after.checks.status).toBe('missed');
    expect(after.decision.status).toBe('missed');
    expect(after.feedback.status).toBe('not-applicable');
  });

  it('meets the checks deadline when the last counted check answers, ignoring a withdrawn one', () => {
    const checks = [
      anAnsweredCheck({ respondedAt: due('12:05') }),
      aRecordCheck({
        agency: 'education',
        status: 'cancelled',
        cancelledAt: due('11:00'),
        cancelledBy: 'tm-1',
      }),
    ];
    expect(recordAsSeenBy(timed, checks, ['team-manager'], due('15:00')).deadlines.checks).toEqual({
      dueAt: due('13:40').toISOString(),
      metAt: due('12:05').toISOString(),
      status: 'met',
    });
  });

  it('keeps a late check marked late after it is answered, with its chases', () => {
    const late = anAnsweredCheck({
      dueAt: due('13:40'),
      overdueAt: due('13:41'),
      chaseCount: 2,
      lastChasedAt: due('14:41'),
      respondedAt: due('15:00'),
    });
    expect(recordAsSeenBy(timed, [late], ['team-manager'], due('16:00')).checks[0]).toMatchObject({
      status: 'responded',
      late: true,
      overdueSince: due('13:41').toISOString(),
      chases: 2,
    });
  });

  it('shows the referrer’s consent answer, the screening outcome and every manager decision', () => {
    const record = aMashRecord({
      contact: {
        ...aMashRecord().contact,
        consent: { status: 'refused', givenBy: null, reason: 'Mother said no' },
      },
      consent: { status: 'refused', outcome: 'overridden', exception: null },
    });
    const view = recordAsSeenBy(record, [], ['team-manager'], NOW, {
      ...NO_HISTORY,
      consentDecisions: [
        {
          id: '1',
          contactId: record.contactId,
          at: due('10:00'),
          decision: 'override',
          decidedBy: 'tm-1',
          rationale: 'Risk of significant harm if the family is told.',
        },
      ],
    });
    expect(view.consent).toEqual({
      referrer: { status: 'refused', givenBy: null, reason: 'Mother said no' },
      outcome: 'overridden',
      exception: null,
      decisions: [
        {
          decision: 'override',
          rationale: 'Risk of significant harm if the family is told.',
          decidedBy: 'tm-1',
          decidedAt: due('10:00').toISOString(),
        },
      ],
    });
  });

  it('lists escalations from the RAG history, saying whether each raised the rating', () => {
    const base = {
      contactId: 'c',
      agency: 'police' as const,
      checkId: 'k',
      setBy: 'pr-4',
      reason: 'Live investigation',
    };
    const view = recordAsSeenBy(aMashRecord(), [], ['team-manager'], NOW, {
      ...NO_HISTORY,
      ragChanges: [
        {
          ...base,
          id: '1',
          at: due('09:40'),
          source: 'screening',
          rating: 'amber',
          previous: null,
          agency: null,
          checkId: null,
          requested: null,
          setBy: 'triage',
          reason: null,
        },
        {
          ...base,
          id: '2',
          at: due('10:30'),
          source: 'escalation',
          rating: 'red',
          previous: 'amber',
          requested: 'red',
        },
        {
          ...base,
          id: '3',
          at: due('11:30'),
          source: 'escalation',
          rating: 'red',
          previous: 'red',
          requested: 'amber',
        },
      ],
    });
    expect(view.rag.history.map((entry) => [entry.source, entry.previous, entry.rating])).toEqual([
      ['screening', null, 'amber'],
      ['escalation', 'amber', 'red'],
      ['escalation', 'red', 'red'],
    ]);
    expect(view.escalations.map(({ requested, raised }) => [requested, raised])).toEqual([
      ['red', true],
      ['amber', false],
    ]);
  });
});
