import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { AGENCIES, agencyRoutingKey, MessageTypes } from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import { Clock, CLOCK, metricsRegistry } from '@mash/platform';
import { checkChasedMessage } from '../checks/check-messages';
import { DECISION_SETTINGS, DecisionSettings } from '../policy/decision-settings';
import { RecordCheck } from '../records/record-check.entity';
import { findChecks, findRecord } from '../records/record-store';
import { overdueActions } from './overdue-checks';
import { checkOverdueSql, decisionOverdueSql, isWaitingForDecision } from './overdue';

const overdueChecks = new Gauge({
  name: 'mash_checks_overdue',
  help: 'Checks past their due time and not yet answered, by agency (as of the last sweep)',
  labelNames: ['agency'],
  registers: [metricsRegistry],
});
const overdueDecisions = new Gauge({
  name: 'mash_decisions_overdue',
  help: 'Contacts still waiting for a decision past their decision deadline (as of the last sweep)',
  registers: [metricsRegistry],
});
const chases = new Counter({
  name: 'mash_checks_chased_total',
  help: 'Chases sent to agencies for overdue checks, by agency',
  labelNames: ['agency'],
  registers: [metricsRegistry],
});

export interface SweepResult {
  markedOverdue: number;
  chased: number;
  /** Records skipped because another transaction held them; the next sweep takes them. */
  skipped: number;
}

const SWEEP_BATCH = 500;

/**
 * Finds checks not answered by their due time: marks them overdue, chases the agency (`check.chased`
 * on its own queue, through the outbox) at once and again every CHASE_INTERVAL_MINUTES, and keeps
 * the overdue gauges. Runs every OVERDUE_SWEEP_SECONDS; time always comes from the injected clock, so
 * a test moves the clock and calls `sweep()`.
 */
@Injectable()
export class OverdueSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('overdue');
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepResult>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(DECISION_SETTINGS) private readonly settings: DecisionSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    if (this.settings.overdueSweepMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.sweep().catch((error) =>
        this.logger.warn(
          `overdue sweep failed (${error instanceof Error ? error.name : 'error'}); will retry`,
        ),
      );
    }, this.settings.overdueSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep; a sweep already running is joined rather than doubled. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<SweepResult> {
    const now = this.clock.now();
    const result: SweepResult = { markedOverdue: 0, chased: 0, skipped: 0 };
    const candidates: { contact_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT c.contact_id FROM record_checks c
         JOIN mash_records r ON r.contact_id = c.contact_id
        WHERE ${checkOverdueSql('c', 'r', '$1')}
          AND (c.status = 'requested' OR c.last_chased_at IS NULL OR c.last_chased_at <= $2)
        LIMIT $3`,
      [now, new Date(now.getTime() - this.settings.chaseIntervalMs), SWEEP_BATCH],
    );
    for (const { contact_id: contactId } of candidates) {
      await this.dataSource.transaction(async (manager) => {
        // Same lock as every other change to the record; one held elsewhere is left for the next sweep.
        const record = await findRecord(manager, contactId, { lock: true, skipLocked: true });
        if (!record) {
          result.skipped++;
          return;
        }
        if (!isWaitingForDecision(record.status)) return;
        const checks = await findChecks(manager, contactId);
        for (const action of overdueActions(checks, now, this.settings.chaseIntervalMs)) {
          const check = checks.find((candidate) => candidate.checkId === action.checkId)!;
          const changes: Partial<RecordCheck> = {};
          if (action.markOverdue) {
            changes.status = 'overdue';
            changes.overdueAt = check.overdueAt ?? now;
            result.markedOverdue++;
          }
          if (action.chaseNumber !== null) {
            changes.chaseCount = action.chaseNumber;
            changes.lastChasedAt = now;
            await this.outbox.enqueue(manager, {
              type: MessageTypes.CheckChased,
              correlationId: contactId,
              routingKey: agencyRoutingKey(MessageTypes.CheckChased, check.agency),
              body: checkChasedMessage(check, action.dueAt, now, action.chaseNumber),
            });
            chases.inc({ agency: check.agency });
            result.chased++;
          }
          await manager.update(RecordCheck, { checkId: check.checkId }, changes);
        }
      });
    }
    await this.refreshGauges(now);
    if (result.markedOverdue || result.chased) {
      this.logger.log(
        `overdue sweep: ${result.markedOverdue} checks became overdue, ${result.chased} chases sent`,
      );
    }
    return result;
  }

  private async refreshGauges(now: Date): Promise<void> {
    const rows: { agency: string; overdue: number }[] = await this.dataSource.query(
      `SELECT c.agency, count(*)::int AS overdue FROM record_checks c
         JOIN mash_records r ON r.contact_id = c.contact_id
        WHERE ${checkOverdueSql('c', 'r', '$1')}
        GROUP BY c.agency`,
      [now],
    );
    for (const agency of AGENCIES) {
      overdueChecks.set({ agency }, rows.find((row) => row.agency === agency)?.overdue ?? 0);
    }
    const [decisions] = await this.dataSource.query(
      `SELECT count(*)::int AS overdue FROM mash_records r WHERE ${decisionOverdueSql('r', '$1')}`,
      [now],
    );
    overdueDecisions.set(decisions.overdue);
  }
}
