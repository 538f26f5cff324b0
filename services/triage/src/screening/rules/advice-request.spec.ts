import {
  aContact,
  openToEarlyHelp,
  openWithWorker,
  policyOf,
  screen,
} from '../../testing/screening-factories';
import { adviceOutcome } from './advice-request';
import { RATIONALES } from './rationales';

describe('advice and information requests', () => {
  it('ends an advice call with no further action and a written summary due to the caller within the profile’s advice timescale (Bexley 5 and 6)', () => {
    const outcome = screen(aContact({ requestType: 'advice' }), undefined, policyOf('bexley'));
    expect(outcome).toMatchObject({ route: 'no-further-action', checks: [] });
    expect(outcome.children).toEqual([
      { childIndex: 0, route: 'no-further-action', rag: 'green', rationale: RATIONALES.adviceCall },
    ]);
    // Bexley's profile reads "within 48 hours" as two working days: Monday 10:00 to Wednesday 10:00.
    expect(outcome.alerts).toEqual([
      {
        kind: 'advice-summary',
        childIndex: null,
        to: 'referrer',
        dueAt: new Date('2026-11-25T10:00:00.000Z'),
      },
    ]);
  });

  it('signposts a caller who only wants information, with a summary due, and asks no agency (Bexley 2)', () => {
    const outcome = screen(aContact({ requestType: 'information-request' }), undefined, policyOf('croydon'));
    expect(outcome).toMatchObject({ route: 'signpost', rag: 'green', checks: [] });
    expect(outcome.consent).toEqual({ status: 'given', outcome: 'not-needed', exception: null });
    expect(outcome.alerts.map((alert) => alert.kind)).toEqual(['advice-summary']);
    expect(outcome.rationale).toBe(RATIONALES.informationRequest);
  });

  it('screens an advice call that reports immediate danger as a safeguarding contact, red, with checks', () => {
    const outcome = screen(aContact({ requestType: 'advice' }, { immediateDanger: true }));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.checks.map((check) => check.agency)).toEqual(['police', 'health', 'education']);
    expect(outcome.alerts.map((alert) => alert.kind)).not.toContain('advice-summary');
  });

  it('screens an advice call that ticks an urgent criterion of the profile as red (Northamptonshire Appendix E)', () => {
    const outcome = screen(aContact({ requestType: 'advice' }, { urgentIndicators: ['child-found-alone'] }));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
  });

  it('still tells the allocated worker or lead professional of a child the advice call was about (Northamptonshire Appendix B; Bexley 3)', () => {
    const contact = aContact({
      requestType: 'advice',
      children: [aContact().children[0], aContact().children[0]],
    });
    const outcome = screen(contact, [openWithWorker(0), openToEarlyHelp(1)], policyOf('croydon'));
    expect(outcome).toMatchObject({ route: 'no-further-action', checks: [] });
    expect(outcome.alerts.map((alert) => [alert.kind, alert.childIndex, alert.to])).toEqual([
      ['allocated-worker', 0, 'Sam Worker'],
      ['lead-professional', 1, 'Lee Lead'],
      ['advice-summary', null, 'referrer'],
    ]);
  });

  it('leaves safeguarding and early help requests to screening', () => {
    expect(adviceOutcome('safeguarding')).toBeNull();
    expect(adviceOutcome('early-help')).toBeNull();
  });
});
