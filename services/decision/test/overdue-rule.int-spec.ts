import type { Client } from 'pg';
import { CHECK_STATUSES, type CheckStatus } from '@mash/contracts';
import { RECORD_STATUSES, type RecordStatus } from '../src/records/record-status';
import {
  checkOverdueSql,
  decisionOverdueSql,
  isCheckOverdue,
  isDecisionOverdue,
  isWaitingForDecision,
  waitingForDecisionSql,
} from '../src/timescales/overdue';
import { adminPg } from '../../../test-support/env';

/**
 * One definition of "overdue" and "waiting for a decision": the SQL filters the work list, /figures
 * and the sweeper use give, on PostgreSQL itself, exactly the answers of the TypeScript rules, for
 * every check status, record status and due time before, at and after now, and none.
 */
describe('overdue and waiting for a decision: the SQL filter is the TypeScript rule', () => {
  let db: Client;
  const now = new Date('2024-03-04T12:00:00.000Z');
  const times = [null, new Date(now.getTime() - 60_000), now, new Date(now.getTime() + 60_000)];

  beforeAll(async () => {
    db = await adminPg('decision');
  });
  afterAll(async () => {
    await db?.end();
  });

  const iso = (at: Date | null) => at?.toISOString() ?? null;

  it('agrees on every check', async () => {
    const cases = CHECK_STATUSES.flatMap((checkStatus) =>
      RECORD_STATUSES.flatMap((recordStatus) => times.map((dueAt) => ({ checkStatus, recordStatus, dueAt }))),
    );
    const { rows } = await db.query<{ i: number; overdue: boolean }>(
      `SELECT c.i, ${checkOverdueSql('c', 'r', '$2::timestamptz')} AS overdue
         FROM jsonb_to_recordset($1::jsonb) AS c(i int, status text, due_at timestamptz, record_status text)
         CROSS JOIN LATERAL (SELECT c.record_status AS status) r
        ORDER BY c.i`,
      [
        JSON.stringify(
          cases.map((example, i) => ({
            i,
            status: example.checkStatus,
            due_at: iso(example.dueAt),
            record_status: example.recordStatus,
          })),
        ),
        now.toISOString(),
      ],
    );
    const expected = cases.map((example) =>
      isCheckOverdue(
        { status: example.checkStatus as CheckStatus, dueAt: example.dueAt },
        { status: example.recordStatus as RecordStatus },
        now,
      ),
    );
    expect(rows.map((row) => row.overdue)).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
  });

  it('agrees on every record', async () => {
    const cases = RECORD_STATUSES.flatMap((status) =>
      times.flatMap((decisionDueAt) => times.map((leaveHubBy) => ({ status, decisionDueAt, leaveHubBy }))),
    );
    const { rows } = await db.query<{ i: number; overdue: boolean; waiting: boolean }>(
      `SELECT r.i, ${decisionOverdueSql('r', '$2::timestamptz')} AS overdue, ${waitingForDecisionSql('r')} AS waiting
         FROM jsonb_to_recordset($1::jsonb) AS r(i int, status text, decision_due_at timestamptz, leave_hub_by timestamptz)
        ORDER BY r.i`,
      [
        JSON.stringify(
          cases.map((example, i) => ({
            i,
            status: example.status,
            decision_due_at: iso(example.decisionDueAt),
            leave_hub_by: iso(example.leaveHubBy),
          })),
        ),
        now.toISOString(),
      ],
    );
    expect(rows.map((row) => row.overdue)).toEqual(cases.map((example) => isDecisionOverdue(example, now)));
    expect(rows.map((row) => row.waiting)).toEqual(
      cases.map((example) => isWaitingForDecision(example.status)),
    );
  });
});
