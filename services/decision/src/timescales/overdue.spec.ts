import { isCheckOverdue, isDecisionOverdue } from './overdue';

const now = new Date('2024-03-04T12:00:00.000Z');
const before = new Date('2024-03-04T11:00:00.000Z');
const after = new Date('2024-03-04T13:00:00.000Z');

describe('overdue', () => {
  it('a check still owed past its due time, on a record still in the hub, is overdue', () => {
    expect(isCheckOverdue({ status: 'requested', dueAt: before }, { status: 'awaiting-checks' }, now)).toBe(
      true,
    );
    expect(isCheckOverdue({ status: 'overdue', dueAt: before }, { status: 'awaiting-checks' }, now)).toBe(
      true,
    );
  });

  it('a check answered, not yet due, without a due time, or of a decided record is not', () => {
    expect(isCheckOverdue({ status: 'responded', dueAt: before }, { status: 'awaiting-checks' }, now)).toBe(
      false,
    );
    expect(isCheckOverdue({ status: 'requested', dueAt: after }, { status: 'awaiting-checks' }, now)).toBe(
      false,
    );
    expect(isCheckOverdue({ status: 'requested', dueAt: now }, { status: 'awaiting-checks' }, now)).toBe(
      false,
    );
    expect(isCheckOverdue({ status: 'requested', dueAt: null }, { status: 'awaiting-checks' }, now)).toBe(
      false,
    );
    expect(isCheckOverdue({ status: 'overdue', dueAt: before }, { status: 'decided' }, now)).toBe(false);
  });

  it('a decision is overdue past its deadline or the time the contact should have left the hub', () => {
    const waiting = { status: 'ready-for-decision' as const, decisionDueAt: after, leaveHubBy: null };
    expect(isDecisionOverdue(waiting, now)).toBe(false);
    expect(isDecisionOverdue({ ...waiting, decisionDueAt: before }, now)).toBe(true);
    expect(isDecisionOverdue({ ...waiting, leaveHubBy: before }, now)).toBe(true);
    expect(isDecisionOverdue({ ...waiting, status: 'decided', decisionDueAt: before }, now)).toBe(false);
  });
});
