import { aChild, anAdult } from '@mash/contracts/testing';
import {
  aContact,
  closedOn,
  MONDAY_MORNING,
  openToEarlyHelp,
  openWithWorker,
  policyOf,
  screen,
  unknownChild,
  weeksBefore,
} from '../../testing/screening-factories';
import { familyOutcome } from './think-family';

const threeChildren = aContact({
  children: [aChild({ givenName: 'Ann' }), aChild({ givenName: 'Ben' }), aChild({ givenName: 'Cat' })],
  adults: [anAdult(), anAdult({ givenName: 'Dan', relationship: 'Father' })],
});

describe('think family: a contact about several children', () => {
  it('screens each child on their own and takes the most urgent route for the contact (Warwickshire 5.2)', () => {
    const outcome = screen(
      threeChildren,
      [openWithWorker(0), closedOn(weeksBefore(MONDAY_MORNING, 5), 1), unknownChild(2)],
      policyOf('northamptonshire'),
    );
    expect(outcome.children.map((child) => [child.childIndex, child.route, child.rag])).toEqual([
      [0, 'transfer-to-allocated-worker', 'green'],
      [1, 'transfer-to-previous-team', 'green'],
      [2, 'mash-checks', 'amber'],
    ]);
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'amber' });
    expect(outcome.alerts.map((alert) => [alert.kind, alert.childIndex])).toEqual([
      ['allocated-worker', 0],
      ['previous-team', 1],
    ]);
  });

  it('checks about the whole family when one child needs checks, every agency with the people it needs', () => {
    const outcome = screen(threeChildren, [openWithWorker(0), unknownChild(1), openToEarlyHelp(2)]);
    expect(Object.fromEntries(outcome.checks.map((check) => [check.agency, check.subjectIds]))).toEqual({
      police: ['child-0', 'child-1', 'child-2', 'adult-0', 'adult-1'],
      health: ['child-0', 'child-1', 'child-2', 'adult-0', 'adult-1'],
      education: ['child-0', 'child-1', 'child-2'],
    });
  });

  it('asks no agency when every child goes to a team', () => {
    const outcome = screen(
      threeChildren,
      [openWithWorker(0), openWithWorker(1, 'Sam Other'), closedOn(weeksBefore(MONDAY_MORNING, 3), 2)],
      policyOf('northamptonshire'),
    );
    expect(outcome).toMatchObject({ route: 'transfer-to-allocated-worker', rag: 'green', checks: [] });
  });

  it('rates the contact by its most urgent child, which sets the checks’ timescale', () => {
    const outcome = screen(
      aContact({
        children: [aChild({ givenName: 'Older' }), aChild({ givenName: 'Baby', dateOfBirth: '2026-10-01' })],
      }),
      undefined,
      policyOf('croydon'),
    );
    expect(outcome.rag).toBe('red');
    expect(outcome.deadlines.checksDueAt).toEqual(new Date('2026-11-23T14:00:00.000Z'));
  });

  it('ranks a strategy discussion above checks, checks above transfers, and transfers above advice', () => {
    const child = (childIndex: number, route: any, rag: any) => ({ childIndex, route, rag, rationale: '' });
    expect(familyOutcome([child(0, 'mash-checks', 'amber'), child(1, 'strategy-discussion', 'red')])).toEqual(
      {
        route: 'strategy-discussion',
        rag: 'red',
      },
    );
    expect(
      familyOutcome([child(0, 'transfer-to-allocated-worker', 'red'), child(1, 'mash-checks', 'amber')]),
    ).toEqual({
      route: 'mash-checks',
      rag: 'red',
    });
    expect(
      familyOutcome([
        child(0, 'transfer-to-previous-team', 'green'),
        child(1, 'transfer-to-allocated-worker', 'green'),
      ]),
    ).toEqual({ route: 'transfer-to-allocated-worker', rag: 'green' });
    expect(familyOutcome([child(0, 'no-further-action', 'green'), child(1, 'signpost', 'green')])).toEqual({
      route: 'signpost',
      rag: 'green',
    });
  });
});
