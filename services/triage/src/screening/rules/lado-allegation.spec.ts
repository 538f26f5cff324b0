import { aContact, openWithWorker, policyOf, screen } from '../../testing/screening-factories';
import { RATIONALES } from './rationales';

describe('an allegation against someone who works with children', () => {
  it('alerts the LADO and is also screened as usual, with checks (Croydon 10; Croydon 8: "the above criteria apply")', () => {
    const outcome = screen(
      aContact({}, { allegationAgainstProfessional: true }),
      undefined,
      policyOf('croydon'),
    );
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'amber' });
    expect(outcome.checks.map((check) => [check.agency, check.state])).toEqual([
      ['police', 'requested'],
      ['health', 'requested'],
      ['education', 'requested'],
    ]);
    expect(outcome.alerts).toEqual([
      { kind: 'lado', childIndex: null, to: 'LADO', dueAt: new Date('2026-11-24T10:00:00.000Z') },
    ]);
    expect(outcome.rationale).toContain(RATIONALES.lado);
  });

  it('alerts the LADO and the allocated worker when the child has one (Croydon 8)', () => {
    const outcome = screen(
      aContact({}, { allegationAgainstProfessional: true }),
      [openWithWorker()],
      policyOf('croydon'),
    );
    expect(outcome.route).toBe('transfer-to-allocated-worker');
    expect(outcome.alerts.map((alert) => alert.kind).sort()).toEqual(['allocated-worker', 'lado']);
  });

  it('acts on immediate harm first, red, and still alerts the LADO (Croydon 10: "unless a child is at risk of immediate harm")', () => {
    const outcome = screen(
      aContact({}, { allegationAgainstProfessional: true, immediateDanger: true }),
      undefined,
      policyOf('croydon'),
    );
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.alerts.map((alert) => alert.kind).sort()).toEqual(['lado', 'mash-manager']);
  });

  it('no longer routes to the LADO instead of screening', () => {
    const outcome = screen(
      aContact({}, { allegationAgainstProfessional: true }),
      undefined,
      policyOf('bexley'),
    );
    expect(outcome.route).not.toBe('lado');
  });
});
