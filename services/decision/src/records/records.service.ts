import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RagRating, ScreeningRoute } from '@mash/contracts';
import { Clock, CLOCK, NotFoundError, Principal } from '@mash/platform';
import { AuditTrail } from '../audit/audit-trail';
import type { MashRecordResponse } from './dto/mash-record.response';
import type { CheckSummary, WorkListEntry } from './dto/work-list-entry.response';
import type { WorkListQuery } from './dto/work-list.query';
import type { RecordStatus } from './record-status';
import { assertContactId, findChecks, findRecord } from './record-store';
import { recordAsSeenBy } from './record-view';
import { maySeeMashOnly } from './mash-only-redaction';

const WORK_LIST_DEFAULT = 500;

interface WorkListRow {
  contact_id: string;
  reference: string;
  status: RecordStatus;
  rag_rating: RagRating;
  route: ScreeningRoute;
  received_at: Date;
  decision_due_at: Date | null;
  checks: CheckSummary[];
  overdue: boolean;
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The record as the caller may see it; the view is audited in the same transaction, or not given. */
  async view(contactId: string, principal: Principal): Promise<MashRecordResponse> {
    assertContactId(contactId);
    return this.dataSource.transaction(async (manager) => {
      const record = await findRecord(manager, contactId);
      if (!record) throw new NotFoundError(`MASH record ${contactId}`);
      const checks = await findChecks(manager, contactId);
      const view = recordAsSeenBy(record, checks, principal.roles);
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
   * The work list, oldest contact first. A record is overdue when a check still owed is past its due
   * time, or the decision is past its due time and not yet taken (deadlines are stored when a rating
   * is set; a record without them is never overdue).
   */
  async workList(query: WorkListQuery): Promise<WorkListEntry[]> {
    const now = this.clock.now();
    const rows: WorkListRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT r.contact_id, r.reference, r.status, r.rag_rating, r.route, r.received_at, r.decision_due_at,
           COALESCE(
             (SELECT json_agg(json_build_object('agency', c.agency, 'status', c.status) ORDER BY c.requested_at, c.agency)
                FROM record_checks c WHERE c.contact_id = r.contact_id),
             '[]'::json) AS checks,
           (EXISTS (SELECT 1 FROM record_checks o
                     WHERE o.contact_id = r.contact_id
                       AND (o.status = 'overdue' OR (o.status = 'requested' AND o.due_at < $4)))
            OR COALESCE(r.decision_due_at < $4 AND r.status NOT IN ('decided', 'closed'), false)) AS overdue
         FROM mash_records r
         WHERE ($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR r.rag_rating = $2)
       ) listed
       WHERE $3::boolean IS NULL OR listed.overdue = $3
       ORDER BY listed.received_at ASC, listed.contact_id ASC
       LIMIT $5`,
      [
        query.status ?? null,
        query.rag ?? null,
        query.overdue === undefined ? null : query.overdue === 'true',
        now,
        query.limit ?? WORK_LIST_DEFAULT,
      ],
    );
    return rows.map((row) => ({
      contactId: row.contact_id,
      reference: row.reference,
      status: row.status,
      rag: row.rag_rating,
      route: row.route,
      receivedAt: row.received_at.toISOString(),
      checks: row.checks,
      decisionDueAt: row.decision_due_at ? row.decision_due_at.toISOString() : null,
      overdue: row.overdue,
    }));
  }
}
