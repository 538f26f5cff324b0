import { overdueActions, retimedCheckState, SweptCheck } from './overdue-checks';

const HOUR = 3_600_000;
const DUE = new Date('2024-03-04T13:40:00.000Z');
const after = (ms: number) => new Date(DUE.getTime() + ms);
const check = (over: Partial<SweptCheck> = {}): SweptCheck => ({
  checkId: 'c-1',
  agency: 'police',
  status: 'requested',
  dueAt: DUE,
  chaseCount: 0,
  lastChasedAt: null,
  ...over,
});

describe('overdue checks and chasing (Northamptonshire stage 2: the RAG sets the timescale every agency adheres to)', () => {
  it('is not overdue at its due time, only after it', () => {
    expect(overdueActions([check()], DUE, HOUR)).toEqual([]);
    expect(overdueActions([check()], after(1), HOUR)).toEqual([
      { checkId: 'c-1', agency: 'police', dueAt: DUE, markOverdue: true, chaseNumber: 1 },
    ]);
  });

  it('chases once per interval while unanswered, counting the chases', () => {
    const chased = check({ status: 'overdue', chaseCount: 1, lastChasedAt: after(1) });
    expect(overdueActions([chased], after(HOUR), HOUR)).toEqual([]);
    expect(overdueActions([chased], after(HOUR + 1), HOUR)).toEqual([
      { checkId: 'c-1', agency: 'police', dueAt: DUE, markOverdue: false, chaseNumber: 2 },
    ]);
  });

  it('never chases a check answered, withdrawn, not required, awaiting consent or without a due time', () => {
    const late = after(10 * HOUR);
    for (const status of ['responded', 'cancelled', 'not-required', 'awaiting-consent'] as const) {
      expect(overdueActions([check({ status })], late, HOUR)).toEqual([]);
    }
    expect(overdueActions([check({ dueAt: null })], late, HOUR)).toEqual([]);
  });

  it('handles each agency of a record on its own', () => {
    const actions = overdueActions(
      [
        check({ checkId: 'p', agency: 'police' }),
        check({ checkId: 'h', agency: 'health', dueAt: after(2 * HOUR) }),
        check({
          checkId: 'e',
          agency: 'education',
          status: 'overdue',
          chaseCount: 3,
          lastChasedAt: after(0),
        }),
      ],
      after(HOUR),
      HOUR,
    );
    expect(actions.map(({ checkId, chaseNumber }) => [checkId, chaseNumber])).toEqual([
      ['p', 1],
      ['e', 4],
    ]);
  });
});

describe('a check re-timed', () => {
  it('stops being overdue when its new due time is ahead, and will be chased afresh in a new overdue period', () => {
    expect(
      retimedCheckState({ status: 'overdue', lastChasedAt: after(1) }, after(4 * HOUR), after(HOUR)),
    ).toEqual({
      status: 'requested',
      lastChasedAt: null,
    });
  });

  it('stays overdue, on the same chasing interval, when its new due time has passed as well', () => {
    expect(retimedCheckState({ status: 'overdue', lastChasedAt: after(1) }, DUE, after(HOUR))).toEqual({
      status: 'overdue',
      lastChasedAt: after(1),
    });
  });
});
