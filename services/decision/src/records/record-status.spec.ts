import {
  CheckStatus,
  isAwaitingDecision,
  statusAfterChecksChanged,
  statusAfterResponse,
  statusOnScreening,
} from './record-status';

const checks = (...statuses: CheckStatus[]) => statuses.map((status) => ({ status }));

describe('status on screening', () => {
  it('waits for checks when any were requested', () => {
    expect(statusOnScreening(checks('requested', 'requested'))).toBe('awaiting-checks');
  });

  it('is ready for decision at once when no check was requested', () => {
    expect(statusOnScreening([])).toBe('ready-for-decision');
  });

  it('is ready for decision when every check is marked not required', () => {
    expect(statusOnScreening(checks('not-required'))).toBe('ready-for-decision');
  });

  it('waits for a team manager when consent is awaiting a decision (Croydon 5; Bexley 27)', () => {
    expect(statusOnScreening(checks('awaiting-consent', 'awaiting-consent'), true)).toBe(
      'awaiting-consent-decision',
    );
  });

  it('does not wait for checks that are only planned until consent is decided', () => {
    expect(statusOnScreening(checks('awaiting-consent'))).toBe('ready-for-decision');
  });
});

describe('status after a manager changes the checks', () => {
  it('is ready for decision once the only check still owed is withdrawn', () => {
    expect(statusAfterChecksChanged('awaiting-checks', checks('responded', 'cancelled'))).toBe(
      'ready-for-decision',
    );
  });

  it('waits again when a ready record gets a new check', () => {
    expect(statusAfterChecksChanged('ready-for-decision', checks('responded', 'requested'))).toBe(
      'awaiting-checks',
    );
  });

  it('leaves a record awaiting a consent decision, or decided, where it is', () => {
    expect(statusAfterChecksChanged('awaiting-consent-decision', checks('cancelled'))).toBe(
      'awaiting-consent-decision',
    );
    expect(statusAfterChecksChanged('decided', checks('requested'))).toBe('decided');
  });

  it('counts a record as waiting for a decision until decided or closed', () => {
    expect(isAwaitingDecision('awaiting-consent-decision')).toBe(true);
    expect(isAwaitingDecision('ready-for-decision')).toBe(true);
    expect(isAwaitingDecision('decided')).toBe(false);
    expect(isAwaitingDecision('closed')).toBe(false);
  });
});

describe('status after a response', () => {
  it('keeps waiting while another requested check has not answered', () => {
    expect(statusAfterResponse('awaiting-checks', checks('responded', 'requested', 'responded'))).toBe(
      'awaiting-checks',
    );
  });

  it('becomes ready for decision when the last requested check answers', () => {
    expect(statusAfterResponse('awaiting-checks', checks('responded', 'responded', 'responded'))).toBe(
      'ready-for-decision',
    );
  });

  it('keeps waiting for an overdue check: overdue is late, not answered', () => {
    expect(statusAfterResponse('awaiting-checks', checks('responded', 'overdue'))).toBe('awaiting-checks');
  });

  it('does not wait for a withdrawn check (cancelled is not counted for ready-for-decision)', () => {
    expect(statusAfterResponse('awaiting-checks', checks('responded', 'cancelled'))).toBe(
      'ready-for-decision',
    );
  });

  it('keeps waiting for an overdue check', () => {
    expect(statusAfterResponse('awaiting-checks', checks('responded', 'overdue'))).toBe('awaiting-checks');
  });

  it('does not wait for a check that is not required', () => {
    expect(statusAfterResponse('awaiting-checks', checks('responded', 'not-required'))).toBe(
      'ready-for-decision',
    );
  });

  it('does not move a record that is already decided when a late response arrives', () => {
    expect(statusAfterResponse('decided', checks('responded', 'responded'))).toBe('decided');
  });

  it('does not move a record awaiting a consent decision', () => {
    expect(statusAfterResponse('awaiting-consent-decision', checks('responded'))).toBe(
      'awaiting-consent-decision',
    );
  });
});
