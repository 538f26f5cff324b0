import { CheckStatus, statusAfterResponse, statusOnScreening } from './record-status';

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
