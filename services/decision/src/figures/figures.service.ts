import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AGENCIES } from '@mash/contracts';
import { Clock, CLOCK, ValidationFailedError } from '@mash/platform';
import { DECISION_SETTINGS, DecisionSettings } from '../policy/decision-settings';
import type { FiguresQuery } from './dto/figures.query';
import type { AgencyCount, FiguresResponse } from './dto/figures.response';
import { checkOverdueSql, decisionOverdueSql } from '../timescales/overdue';

const DEFAULT_PERIOD_MS = 28 * 86_400_000;

/**
 * Croydon 13 (Statistics and Reporting): volume of contacts, re-referral rate, timeliness of initial
 * decision making. Counted from the records, so they are the same whichever instance answers.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DECISION_SETTINGS) private readonly settings: DecisionSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async figures(query: FiguresQuery): Promise<FiguresResponse> {
    const now = this.clock.now();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
    if (from.getTime() >= to.getTime()) {
      throw new ValidationFailedError([
        { field: 'from', rule: 'isBeforeTo', message: 'from must be before to' },
      ]);
    }
    const window = this.settings.reReferralWindowDays;
    const [contacts] = await this.dataSource.query(
      `SELECT count(*)::int AS contacts,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM record_links l JOIN mash_records e ON e.contact_id = l.earlier_contact_id
                 WHERE l.contact_id = r.contact_id
                   AND ($3::int = 0 OR e.received_at >= r.received_at - make_interval(days => $3::int))
              ))::int AS re_referrals
         FROM mash_records r WHERE r.received_at >= $1 AND r.received_at < $2`,
      [from, to, window],
    );
    const [decisions] = await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE decided_at <= decision_due_at)::int AS within,
              count(*) FILTER (WHERE decided_at > decision_due_at)::int AS late,
              count(*) FILTER (WHERE decision_due_at IS NULL)::int AS no_deadline
         FROM mash_records WHERE decided_at >= $1 AND decided_at < $2`,
      [from, to],
    );
    const [checks] = await this.dataSource.query(
      `SELECT count(*)::int AS answered, count(*) FILTER (WHERE overdue_at IS NOT NULL)::int AS late
         FROM record_checks WHERE status = 'responded' AND responded_at >= $1 AND responded_at < $2`,
      [from, to],
    );
    const overdueChecks: { agency: keyof AgencyCount; overdue: number }[] = await this.dataSource.query(
      `SELECT c.agency, count(*)::int AS overdue FROM record_checks c
         JOIN mash_records r ON r.contact_id = c.contact_id
        WHERE ${checkOverdueSql('c', 'r', '$1')}
        GROUP BY c.agency`,
      [now],
    );
    const [overdueDecisions] = await this.dataSource.query(
      `SELECT count(*)::int AS overdue FROM mash_records r WHERE ${decisionOverdueSql('r', '$1')}`,
      [now],
    );
    const byAgency = Object.fromEntries(
      AGENCIES.map((agency) => [agency, overdueChecks.find((row) => row.agency === agency)?.overdue ?? 0]),
    ) as unknown as AgencyCount;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      contacts: contacts.contacts,
      reReferrals: contacts.re_referrals,
      reReferralRate: contacts.contacts ? contacts.re_referrals / contacts.contacts : null,
      reReferralWindowDays: window,
      decisions: {
        total: decisions.total,
        withinTimescale: decisions.within,
        late: decisions.late,
        noDeadline: decisions.no_deadline,
      },
      checks: { answered: checks.answered, answeredLate: checks.late },
      overdueNow: { checks: byAgency, decisions: overdueDecisions.overdue },
    };
  }
}
