import { aConcern, aContactReceived, aContactScreened } from '@mash/contracts/testing';
import { loadHubPolicy } from '../policy/hub-policy';
import {
  checksDueFrom,
  deadlinesAfterRagChange,
  deadlinesAtScreening,
  feedbackDueFrom,
  isRaise,
} from './deadlines';

// March 2024 is GMT, so London and UTC agree. 4 March 2024 is a Monday.
const croydon = loadHubPolicy('croydon');
const northamptonshire = loadHubPolicy('northamptonshire');
const RECEIVED = new Date('2024-03-04T09:15:00.000Z');
const d = (iso: string) => new Date(iso);

describe('deadlines at screening', () => {
  it('keeps the deadlines triage sent, as sent', () => {
    const { deadlines, computedHere } = deadlinesAtScreening(
      croydon,
      aContactScreened({
        deadlines: {
          checksDueAt: '2024-03-05T09:40:00.000Z',
          decisionDueAt: '2024-03-06T09:15:00.000Z',
          leaveHubBy: null,
        },
      }),
    );
    expect(computedHere).toBe(false);
    expect(deadlines).toEqual({
      checksDueAt: d('2024-03-05T09:40:00.000Z'),
      decisionDueAt: d('2024-03-06T09:15:00.000Z'),
      leaveHubBy: null,
    });
  });

  it('computes them from the profile when screening sent none (Croydon 8: Amber checks one working day from the rating, decision from receipt)', () => {
    const { deadlines, computedHere } = deadlinesAtScreening(croydon, aContactScreened({ rag: 'amber' }));
    expect(computedHere).toBe(true);
    expect(deadlines.checksDueAt).toEqual(d('2024-03-05T09:40:00.000Z'));
    expect(deadlines.decisionDueAt).toEqual(d('2024-03-06T09:15:00.000Z'));
    expect(deadlines.leaveHubBy).toBeNull();
  });

  it('sets a time to leave the hub where the protocol has one (Northamptonshire Appendix C: no contact in the MASH longer than 24 hours)', () => {
    const { deadlines } = deadlinesAtScreening(northamptonshire, aContactScreened({ rag: 'green' }));
    expect(deadlines.leaveHubBy).toEqual(d('2024-03-05T09:15:00.000Z'));
  });
});

describe('deadlines after the RAG changes', () => {
  const amberDeadlines = {
    checksDueAt: d('2024-03-05T09:40:00.000Z'),
    decisionDueAt: d('2024-03-06T09:15:00.000Z'),
    leaveHubBy: null,
  };
  const change = (over: Partial<Parameters<typeof deadlinesAfterRagChange>[1]>) =>
    deadlinesAfterRagChange(croydon, {
      current: amberDeadlines,
      from: 'amber',
      to: 'red',
      changedAt: d('2024-03-04T11:15:00.000Z'),
      receivedAt: RECEIVED,
      immediateDanger: false,
      ...over,
    });

  it('knows Red is a raise from Amber and Green, and Green a lowering', () => {
    expect(isRaise('amber', 'red')).toBe(true);
    expect(isRaise('green', 'amber')).toBe(true);
    expect(isRaise('red', 'green')).toBe(false);
    expect(isRaise('amber', 'amber')).toBe(false);
  });

  it('raised to Red two hours in: the decision within 4 hours of receipt, the checks within 4 hours of the raise (Croydon 8)', () => {
    expect(change({})).toEqual({
      checksDueAt: d('2024-03-04T15:15:00.000Z'),
      decisionDueAt: d('2024-03-04T13:15:00.000Z'),
      leaveHubBy: null,
    });
  });

  it('raised to Red after the 4 hours from receipt have passed: the decision is due 4 hours from the raise', () => {
    const raised = change({ changedAt: d('2024-03-04T16:00:00.000Z') });
    expect(raised.decisionDueAt).toEqual(d('2024-03-04T20:00:00.000Z'));
    expect(raised.checksDueAt).toEqual(d('2024-03-04T20:00:00.000Z'));
  });

  it('never gives more time on a raise: a check already past due stays due when it was', () => {
    const raised = change({ changedAt: d('2024-03-05T10:00:00.000Z') });
    expect(raised.checksDueAt).toEqual(d('2024-03-05T09:40:00.000Z'));
    expect(raised.decisionDueAt).toEqual(d('2024-03-05T14:00:00.000Z'));
  });

  it('lowered from Red to Amber: checks one working day from the change, decision two working days from receipt', () => {
    const lowered = change({
      current: {
        checksDueAt: d('2024-03-04T13:40:00.000Z'),
        decisionDueAt: d('2024-03-04T13:15:00.000Z'),
        leaveHubBy: null,
      },
      from: 'red',
      to: 'amber',
      changedAt: d('2024-03-04T10:00:00.000Z'),
    });
    expect(lowered).toEqual({
      checksDueAt: d('2024-03-05T10:00:00.000Z'),
      decisionDueAt: d('2024-03-06T09:15:00.000Z'),
      leaveHubBy: null,
    });
  });

  it('cannot turn a missed decision into a met one by lowering the rating late', () => {
    const lowered = change({ from: 'red', to: 'amber', changedAt: d('2024-03-07T10:00:00.000Z') });
    expect(lowered.decisionDueAt).toEqual(d('2024-03-06T09:15:00.000Z'));
    expect(lowered.decisionDueAt!.getTime()).toBeLessThan(d('2024-03-07T10:00:00.000Z').getTime());
  });

  it('keeps the time to leave the hub, which counts from receipt (Northamptonshire Appendix C)', () => {
    const leaveHubBy = d('2024-03-05T09:15:00.000Z');
    const raised = deadlinesAfterRagChange(northamptonshire, {
      current: { ...amberDeadlines, leaveHubBy },
      from: 'amber',
      to: 'red',
      changedAt: d('2024-03-04T11:15:00.000Z'),
      receivedAt: RECEIVED,
      immediateDanger: false,
    });
    expect(raised.leaveHubBy).toEqual(leaveHubBy);
  });
});

describe('checks asked for later, and feedback', () => {
  it('a check asked for on a Friday afternoon at Amber is due the next working day, Monday (Croydon 8)', () => {
    expect(checksDueFrom(croydon, 'amber', d('2024-03-08T15:00:00.000Z'), RECEIVED)).toEqual(
      d('2024-03-11T15:00:00.000Z'),
    );
  });

  it('feedback to the referrer is due one working day after the decision (Croydon 8)', () => {
    expect(feedbackDueFrom(croydon, d('2024-03-08T15:00:00.000Z'))).toEqual(d('2024-03-11T15:00:00.000Z'));
  });
});

describe('immediate danger at screening', () => {
  it('uses the hub’s immediate-danger decision timescale when sooner (Warwickshire 6.1.2: within 1 hour)', () => {
    const warwickshire = loadHubPolicy('warwickshire');
    const { deadlines } = deadlinesAtScreening(
      warwickshire,
      aContactScreened({
        rag: 'red',
        contact: aContactReceived({ concern: aConcern({ immediateDanger: true }) }),
      }),
    );
    expect(deadlines.decisionDueAt).toEqual(d('2024-03-04T10:15:00.000Z'));
  });
});
