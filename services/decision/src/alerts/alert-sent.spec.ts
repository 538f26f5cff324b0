import type { RecordAlert } from './alert-sent';
import { alertSentViolations, overdueAlerts, withAlertSent } from './alert-sent';

const workerAlert: RecordAlert = {
  kind: 'allocated-worker',
  childIndex: 0,
  to: 'Team A',
  dueAt: '2026-11-20T10:00:00.000Z',
};
const ladoAlert: RecordAlert = {
  kind: 'lado',
  childIndex: null,
  to: null,
  dueAt: '2026-11-21T10:00:00.000Z',
};

describe('alerts screening asked for (Croydon 8: the allocated worker alerted within 24 hours)', () => {
  it('marks the one alert sent, with when and by whom, and leaves the others unsent', () => {
    const alerts = withAlertSent([workerAlert, ladoAlert], 1, new Date('2026-11-20T09:00:00.000Z'), 'tm-1');
    expect(alerts[0]).toEqual(workerAlert);
    expect(alerts[1]).toMatchObject({ sentAt: '2026-11-20T09:00:00.000Z', sentBy: 'tm-1' });
  });

  it('refuses to mark an alert the record does not have', () => {
    expect(alertSentViolations([workerAlert], 1)).toEqual([
      expect.objectContaining({ field: 'alertIndex', rule: 'isAlertOfRecord' }),
    ]);
    expect(alertSentViolations([workerAlert], -1)).toHaveLength(1);
  });

  it('keeps the first sending: an alert already sent is not sent again', () => {
    const sent = withAlertSent([workerAlert], 0, new Date('2026-11-20T09:00:00.000Z'), 'tm-1');
    expect(alertSentViolations(sent, 0)).toEqual([expect.objectContaining({ rule: 'notSentYet' })]);
  });

  it('counts an alert as overdue once its due time has passed unsent, and never once it is sent', () => {
    const now = new Date('2026-11-20T12:00:00.000Z');
    expect(overdueAlerts([workerAlert, ladoAlert], now)).toEqual([workerAlert]);
    const sent = withAlertSent([workerAlert, ladoAlert], 0, new Date('2026-11-20T11:00:00.000Z'), 'tm-1');
    expect(overdueAlerts(sent, now)).toEqual([]);
  });
});
