import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock, CLOCK, ConflictError, metricsRegistry, NotFoundError, Principal } from '@mash/platform';
import { AuditTrail } from '../audit/audit-trail';
import type { MashRecordResponse } from '../records/dto/mash-record.response';
import { MashRecord } from '../records/mash-record.entity';
import { changeRecord, readRecordView } from '../records/record-store';
import { alertSentViolations, withAlertSent } from './alert-sent';

const alertsSent = new Counter({
  name: 'mash_alerts_sent_total',
  help: 'Screening alerts recorded as sent, by kind and whether they were sent by their due time',
  labelNames: ['kind', 'timely'],
  registers: [metricsRegistry],
});

@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records that the alert at `index` (allocated worker, lead professional, previous team, LADO, the
   * caller's advice summary, the MASH manager) has been sent: who and when, on the record and in the
   * audit log. Its due time is then met or missed; until then an overdue alert lists the record as overdue.
   */
  async markSent(contactId: string, index: number, principal: Principal): Promise<MashRecordResponse> {
    return changeRecord(this.dataSource, contactId, async (manager, record) => {
      const [violation] = alertSentViolations(record.alerts, index);
      if (violation?.rule === 'isAlertOfRecord') throw new NotFoundError(`alert ${index} of the record`);
      if (violation) throw new ConflictError('alert-already-sent', `alert ${index} has already been sent`);
      const now = this.clock.now();
      const alerts = withAlertSent(record.alerts, index, now, principal.id);
      await manager.update(MashRecord, { contactId }, { alerts, updatedAt: now });
      const alert = alerts[index];
      await this.audit.write(manager, {
        actor: principal,
        action: 'record-alert-sent',
        contactId,
        detail: { alert: index, kind: alert.kind },
      });
      alertsSent.inc({ kind: alert.kind, timely: String(now.getTime() <= new Date(alert.dueAt).getTime()) });
      return readRecordView(manager, contactId, principal.roles, now);
    });
  }
}
