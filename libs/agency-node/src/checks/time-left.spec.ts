import { timeLeft } from './time-left';

const now = new Date('2026-11-20T10:00:00Z');

describe('time left on an open check', () => {
  it('counts whole minutes to the due time, never rounding up', () => {
    expect(timeLeft(new Date('2026-11-20T14:00:00Z'), now)).toEqual({ timeLeftMinutes: 240, overdue: false });
    expect(timeLeft(new Date('2026-11-20T10:00:59Z'), now)).toEqual({ timeLeftMinutes: 0, overdue: false });
  });

  it('is overdue, with negative minutes, once the due time has passed', () => {
    expect(timeLeft(new Date('2026-11-20T09:30:00Z'), now)).toEqual({ timeLeftMinutes: -30, overdue: true });
    expect(timeLeft(new Date('2026-11-20T09:59:59Z'), now)).toEqual({ timeLeftMinutes: -1, overdue: true });
  });

  it('is due exactly now without being overdue', () => {
    expect(timeLeft(now, now)).toEqual({ timeLeftMinutes: 0, overdue: false });
  });

  it('has no time left to show when the request gave no due time', () => {
    expect(timeLeft(null, now)).toEqual({ timeLeftMinutes: null, overdue: false });
  });
});
