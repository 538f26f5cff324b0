import type { FieldViolation, ScreeningAlert } from '@mash/contracts';

/** A screening alert on the MASH record, and whether someone has sent it yet. */
export interface RecordAlert extends ScreeningAlert {
  sentAt?: string | null;
  sentBy?: string | null;
}

/**
 * Marking an alert sent: the alert must exist (its position on the record) and not have been sent
 * already, so the record keeps the first sending and its time (against which the alert's due time,
 * e.g. the allocated worker alerted within 24 hours, Croydon 8, is met or missed).
 */
export function alertSentViolations(alerts: readonly RecordAlert[], index: number): FieldViolation[] {
  if (!Number.isInteger(index) || index < 0 || index >= alerts.length)
    return [{ field: 'alertIndex', rule: 'isAlertOfRecord', message: 'the record has no such alert' }];
  if (alerts[index].sentAt)
    return [{ field: 'alertIndex', rule: 'notSentYet', message: 'the alert has already been sent' }];
  return [];
}

/** The alerts with one marked sent, leaving the others as they were. */
export function withAlertSent(
  alerts: readonly RecordAlert[],
  index: number,
  sentAt: Date,
  sentBy: string,
): RecordAlert[] {
  return alerts.map((alert, position) =>
    position === index ? { ...alert, sentAt: sentAt.toISOString(), sentBy } : alert,
  );
}

/** Alerts nobody has sent by their due time: they put the record on the overdue list. */
export function overdueAlerts(alerts: readonly RecordAlert[], now: Date): RecordAlert[] {
  return alerts.filter((alert) => !alert.sentAt && new Date(alert.dueAt).getTime() < now.getTime());
}
