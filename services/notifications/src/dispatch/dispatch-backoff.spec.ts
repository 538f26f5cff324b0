import { MAX_DISPATCH_ATTEMPTS, retryDelayMs } from './dispatch-backoff';

const MINUTE = 60_000;

describe('dispatch back-off', () => {
  it('waits a minute after the first failure and doubles the wait after each further one', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts))).toEqual(
      [1, 2, 4, 8, 16].map((m) => m * MINUTE),
    );
  });

  it('never waits more than four hours between attempts', () => {
    for (let attempts = 1; attempts < MAX_DISPATCH_ATTEMPTS; attempts++) {
      expect(retryDelayMs(attempts)).toBeLessThanOrEqual(4 * 60 * MINUTE);
    }
    expect(retryDelayMs(9)).toBe(4 * 60 * MINUTE);
  });

  it('gives up after the tenth failed attempt', () => {
    expect(MAX_DISPATCH_ATTEMPTS).toBe(10);
    expect(retryDelayMs(9)).toBeDefined();
    expect(retryDelayMs(10)).toBeUndefined();
    expect(retryDelayMs(11)).toBeUndefined();
  });

  it('spreads the attempts over about half a day', () => {
    let total = 0;
    for (let attempts = 1; attempts < MAX_DISPATCH_ATTEMPTS; attempts++) total += retryDelayMs(attempts)!;
    expect(total / (60 * MINUTE)).toBeGreaterThan(8);
    expect(total / (60 * MINUTE)).toBeLessThan(16);
  });

  it('refuses a count of attempts that is not a positive whole number', () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });
});
