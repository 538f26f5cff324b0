import { aSocialCareIndexResult } from '@mash/contracts/testing';
import {
  aContact,
  closedOn,
  MONDAY_MORNING,
  openWithWorker,
  policyOf,
  screen,
  unknownChild,
} from '../../testing/screening-factories';
import { allocatedWorkerOf } from './allocated-worker';
import { RATIONALES } from './rationales';

describe('a child open to social care with an allocated worker', () => {
  it('goes to that worker, green, with no checks, and the worker is alerted within 24 hours, one working day (Croydon 8)', () => {
    const outcome = screen(aContact(), [openWithWorker()], policyOf('croydon'));
    expect(outcome).toMatchObject({ route: 'transfer-to-allocated-worker', rag: 'green', checks: [] });
    expect(outcome.children).toEqual([
      {
        childIndex: 0,
        route: 'transfer-to-allocated-worker',
        rag: 'green',
        rationale: RATIONALES.allocatedWorker,
      },
    ]);
    expect(outcome.alerts).toEqual([
      {
        kind: 'allocated-worker',
        childIndex: 0,
        to: 'Sam Worker',
        dueAt: new Date('2026-11-24T10:00:00.000Z'),
      },
    ]);
    expect(outcome.consent.outcome).toBe('not-needed');
  });

  it('is transferred at once where the profile says so (Northamptonshire 4b: "transferred immediately")', () => {
    const outcome = screen(aContact(), [openWithWorker()], policyOf('northamptonshire'));
    expect(outcome.alerts).toEqual([
      { kind: 'allocated-worker', childIndex: 0, to: 'Sam Worker', dueAt: new Date(MONDAY_MORNING) },
    ]);
  });

  it('goes to the worker as red when a red criterion applies, and the MASH manager is alerted too (Northamptonshire 4b)', () => {
    const outcome = screen(aContact({}, { immediateDanger: true }), [openWithWorker()], policyOf('croydon'));
    expect(outcome).toMatchObject({ route: 'transfer-to-allocated-worker', rag: 'red', checks: [] });
    const worker = outcome.alerts.find((alert) => alert.kind === 'allocated-worker')!;
    // Croydon's Red decision is due within 4 hours of receipt; the worker must know before that.
    expect(worker.dueAt).toEqual(new Date('2026-11-23T14:00:00.000Z'));
    expect(outcome.alerts.map((alert) => alert.kind)).toContain('mash-manager');
  });

  it('names the worker in the alert, and nothing about the child', () => {
    const outcome = screen(aContact(), [openWithWorker(0, '  Pat Social-Worker ')], policyOf('croydon'));
    expect(outcome.alerts[0].to).toBe('Pat Social-Worker');
  });

  it('is found only for an open case with a worker named', () => {
    expect(allocatedWorkerOf(openWithWorker())).toBe('Sam Worker');
    expect(allocatedWorkerOf({ ...openWithWorker(), allocatedWorker: null })).toBeNull();
    expect(allocatedWorkerOf({ ...openWithWorker(), allocatedWorker: '   ' })).toBeNull();
    expect(allocatedWorkerOf({ ...openWithWorker(), status: 'early-help-open' })).toBeNull();
    expect(
      allocatedWorkerOf(aSocialCareIndexResult({ status: 'closed', allocatedWorker: 'Sam Worker' })),
    ).toBeNull();
    expect(allocatedWorkerOf(unknownChild())).toBeNull();
    expect(allocatedWorkerOf(undefined)).toBeNull();
  });

  it('screens an open case without a named worker as usual', () => {
    const outcome = screen(aContact(), [{ ...openWithWorker(), allocatedWorker: null }], policyOf('croydon'));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'amber' });
  });

  it('does not take a closed case with a worker still named to that worker', () => {
    const outcome = screen(
      aContact(),
      [{ ...closedOn('2020-01-01T00:00:00.000Z'), allocatedWorker: 'Sam Worker' }],
      policyOf('croydon'),
    );
    expect(outcome.route).toBe('mash-checks');
  });
});
