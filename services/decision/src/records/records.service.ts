import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RagRating, ScreeningRoute } from '@mash/contracts';
import { Clock, CLOCK, NotFoundError, Principal } from '@mash/platform';
import { AuditTrail } from '../audit/audit-trail';
import { HUB_POLICY, HubPolicy } from '../policy/hub-policy';
import { deadlineStatus } from '../timescales/deadline-status';
import { endOfDayWindow } from '../timescales/end-of-day';
import type { EndOfDayList } from './dto/end-of-day.response';
import type { EndOfDayQuery } from './dto/end-of-day.query';
import type { MashRecordResponse } from './dto/mash-record.response';
import type { CheckSummary, WorkListEntry } from './dto/work-list-entry.response';
import type { WorkListQuery } from './dto/work-list.query';
import type { RecordStatus } from './record-status';
import { assertContactId, findChecks, findHistory, findRecord } from './record-store';
import { recordAsSeenBy } from './record-view';
import { maySeeMashOnly } from './mash-only-redaction';
import { checkOverdueSql, decisionOverdueSql, waitingForDecisionSql } from '../timescales/overdue';

const WORK_LIST_DEFAULT = 500;
const END_OF_DAY_MAX = 2_000;

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

interface WorkListRow {
  contact_id: string;
  reference: string;
  status: RecordStatus;
  rag_rating: RagRating;
  route: ScreeningRoute;
  received_at: Date;
  decision_due_at: Date | null;
  checks_due_at: Date | null;
  leave_hub_by: Date | null;
  next_deadline_at: Date | null;
  checks: CheckSummary[];
  overdue_checks: number;
  decision_overdue: boolean;
  overdue_alerts: number;
  previous_contacts: number;
}

interface EndOfDayRow {
  contact_id: string;
  reference: string;
  status: RecordStatus;
  rag_rating: RagRating;
  route: ScreeningRoute;
  received_at: Date;
  decision_due_at: Date | null;
  leave_hub_by: Date | null;
  decided_at: Date | null;
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(HUB_POLICY) private readonly policy: HubPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The record as the caller may see it; the view is audited in the same transaction, or not given. */
  async view(contactId: string, principal: Principal): Promise<MashRecordResponse> {
    assertContactId(contactId);
    return this.dataSource.transaction(async (manager) => {
      const record = await findRecord(manager, contactId);
      if (!record) throw new NotFoundError(`MASH record ${contactId}`);
      const checks = await findChecks(manager, contactId);
      const history = await findHistory(manager, contactId);
      const view = recordAsSeenBy(record, checks, principal.roles, this.clock.now(), history);
      const withheld = view.checks.reduce(
        (count, check) => count + (check.response?.items.filter((item) => item.withheld).length ?? 0),
        0,
      );
      await this.audit.write(manager, {
        actor: principal,
        action: 'view-record',
        contactId,
        detail: {
          status: record.status,
          mashOnlyShown: maySeeMashOnly(principal.roles),
          withheldItems: withheld,
        },
      });
      return view;
    });
  }

  /**
   * The work list. A record is overdue when a check still owed is past its due time, it is still
   * waiting for a decision past its decision deadline or the time it should have left the hub, or an
   * alert screening asked for is unsent past its due time.
   * `overdue=true` lists those, soonest deadline first (the order `sort=deadline` gives any list);
   * otherwise the oldest contact comes first.
   */
  async workList(query: WorkListQuery): Promise<WorkListEntry[]> {
    const now = this.clock.now();
    const overdue = query.overdue === undefined ? null : query.overdue === 'true';
    const sort = query.sort ?? (overdue ? 'deadline' : 'received');
    const rows: WorkListRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT r.contact_id, r.reference, r.status, r.rag_rating, r.route, r.received_at,
           r.decision_due_at, r.checks_due_at, r.leave_hub_by,
           COALESCE(
             (SELECT json_agg(json_build_object('agency', c.agency, 'status', c.status) ORDER BY c.planned_at, c.agency)
                FROM record_checks c WHERE c.contact_id = r.contact_id),
             '[]'::json) AS checks,
           (SELECT count(*)::int FROM record_checks o
             WHERE o.contact_id = r.contact_id AND ${checkOverdueSql('o', 'r', '$4')}) AS overdue_checks,
           ${decisionOverdueSql('r', '$4')} AS decision_overdue,
           (SELECT count(*)::int FROM jsonb_array_elements(r.alerts) a
             WHERE a->>'sentAt' IS NULL AND (a->>'dueAt')::timestamptz < $4) AS overdue_alerts,
           CASE WHEN NOT ${waitingForDecisionSql('r')} THEN NULL ELSE LEAST(
             (SELECT min(o.due_at) FROM record_checks o
               WHERE o.contact_id = r.contact_id AND o.status IN ('requested', 'overdue')),
             r.decision_due_at, r.leave_hub_by) END AS next_deadline_at,
           (SELECT count(*)::int FROM record_links l WHERE l.contact_id = r.contact_id) AS previous_contacts
         FROM mash_records r
         WHERE ($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR r.rag_rating = $2)
       ) listed
       WHERE $3::boolean IS NULL
          OR (listed.overdue_checks > 0 OR listed.decision_overdue OR listed.overdue_alerts > 0) = $3
       ORDER BY CASE WHEN $6 = 'deadline' THEN listed.next_deadline_at END ASC NULLS LAST,
         listed.received_at ASC, listed.contact_id ASC
       LIMIT $5`,
      [query.status ?? null, query.rag ?? null, overdue, now, query.limit ?? WORK_LIST_DEFAULT, sort],
    );
    return rows.map((row) => ({
      contactId: row.contact_id,
      reference: row.reference,
      status: row.status,
      rag: row.rag_rating,
      route: row.route,
      receivedAt: row.received_at.toISOString(),
      checks: row.checks,
      checksDueAt: iso(row.checks_due_at),
      decisionDueAt: iso(row.decision_due_at),
      leaveHubBy: iso(row.leave_hub_by),
      nextDeadlineAt: iso(row.next_deadline_at),
      overdueChecks: row.overdue_checks,
      decisionOverdue: row.decision_overdue,
      overdueAlerts: row.overdue_alerts,
      overdue: row.overdue_checks > 0 || row.decision_overdue || row.overdue_alerts > 0,
      previousContacts: row.previous_contacts,
    }));
  }

  /**
   * The end-of-day list (Blackburn with Darwen: no child left at the end of the working day needing
   * a decision not yet made): every contact received by the close of the working day and not decided
   * by it, soonest decision deadline first.
   */
  async endOfDay(query: EndOfDayQuery): Promise<EndOfDayList> {
    const now = this.clock.now();
    const window = endOfDayWindow(this.policy.calendar, query.date, now);
    const rows: EndOfDayRow[] = await this.dataSource.query(
      `SELECT r.contact_id, r.reference, r.status, r.rag_rating, r.route, r.received_at,
              r.decision_due_at, r.leave_hub_by, r.decided_at
         FROM mash_records r
        WHERE r.received_at <= $1
          AND (r.decided_at IS NULL OR r.decided_at > $1)
          AND NOT (r.status = 'closed' AND r.decided_at IS NULL)
        ORDER BY r.decision_due_at ASC NULLS LAST, r.received_at ASC, r.contact_id ASC
        LIMIT $2`,
      [window.asOf, END_OF_DAY_MAX],
    );
    return {
      date: window.date,
      closesAt: window.closesAt.toISOString(),
      asOf: window.asOf.toISOString(),
      closed: window.closed,
      count: rows.length,
      contacts: rows.map((row) => ({
        contactId: row.contact_id,
        reference: row.reference,
        status: row.status,
        rag: row.rag_rating,
        route: row.route,
        receivedAt: row.received_at.toISOString(),
        decisionDueAt: iso(row.decision_due_at),
        leaveHubBy: iso(row.leave_hub_by),
        decisionDeadline: deadlineStatus(row.decision_due_at, null, window.asOf),
        decidedAt: iso(row.decided_at),
      })),
    };
  }
}
