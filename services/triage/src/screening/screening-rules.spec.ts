import {
  aConcern,
  aContactReceived,
  aChild,
  anUnbornChild,
  aSocialCareIndexResult,
} from '@mash/contracts/testing';
import type { ContactReceived, SocialCareIndexResult } from '@mash/contracts';
import { RATIONALES, screenContact } from './screening-rules';

const allAgencies = ['police', 'health', 'education'];

function contactWith(
  concern: Partial<ContactReceived['concern']> = {},
  children = [aChild()],
): ContactReceived {
  return aContactReceived({ concern: aConcern(concern), children });
}
const unknownChild = (childIndex = 0): SocialCareIndexResult => ({ childIndex, known: false });
const openWithWorker = (childIndex = 0): SocialCareIndexResult =>
  aSocialCareIndexResult({ childIndex, status: 'open', allocatedWorker: 'Sam Worker', closedAt: null });

describe('screening rules', () => {
  it('routes an allegation against a professional to the LADO without MASH checks', () => {
    const outcome = screenContact(contactWith({ allegationAgainstProfessional: true }), [unknownChild()]);
    expect(outcome).toEqual({ route: 'lado', rag: 'amber', rationale: RATIONALES.lado, agencies: [] });
  });

  it('routes an allegation against a professional to the LADO even when the child has an allocated worker', () => {
    const outcome = screenContact(contactWith({ allegationAgainstProfessional: true }), [openWithWorker()]);
    expect(outcome.route).toBe('lado');
    expect(outcome.agencies).toEqual([]);
  });

  it('rates an allegation against a professional with immediate danger red', () => {
    const outcome = screenContact(
      contactWith({ allegationAgainstProfessional: true, immediateDanger: true }),
      [unknownChild()],
    );
    expect(outcome).toMatchObject({ route: 'lado', rag: 'red' });
  });

  it('transfers a child open with an allocated worker to that worker, green, without checks', () => {
    const outcome = screenContact(contactWith(), [openWithWorker()]);
    expect(outcome).toEqual({
      route: 'transfer-to-allocated-worker',
      rag: 'green',
      rationale: RATIONALES.allocatedWorker,
      agencies: [],
    });
  });

  it('transfers a child open with an allocated worker as red when immediate danger is reported', () => {
    const outcome = screenContact(contactWith({ immediateDanger: true }), [openWithWorker()]);
    expect(outcome).toEqual({
      route: 'transfer-to-allocated-worker',
      rag: 'red',
      rationale: RATIONALES.allocatedWorkerInDanger,
      agencies: [],
    });
  });

  it('transfers only when every child has an allocated worker: a sibling unknown to social care needs checks', () => {
    const outcome = screenContact(contactWith({}, [aChild(), aChild({ givenName: 'Ben' })]), [
      openWithWorker(0),
      unknownChild(1),
    ]);
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'amber', agencies: allAgencies });
  });

  it('does not transfer a child open without an allocated worker', () => {
    const outcome = screenContact(contactWith(), [{ ...openWithWorker(), allocatedWorker: null }]);
    expect(outcome.route).toBe('mash-checks');
  });

  it('does not transfer a child whose case is closed, even with a worker named', () => {
    const outcome = screenContact(contactWith(), [{ ...openWithWorker(), status: 'closed' }]);
    expect(outcome.route).toBe('mash-checks');
  });

  it('does not transfer a child open to early help', () => {
    const outcome = screenContact(contactWith(), [{ ...openWithWorker(), status: 'early-help-open' }]);
    expect(outcome.route).toBe('mash-checks');
  });

  it('does not transfer an unborn child, who is never known to the index', () => {
    const outcome = screenContact(contactWith({}, [anUnbornChild()]), [unknownChild()]);
    expect(outcome.route).toBe('mash-checks');
  });

  it('rates immediate danger red and asks police, health and education to check', () => {
    const outcome = screenContact(contactWith({ immediateDanger: true }), [unknownChild()]);
    expect(outcome).toEqual({
      route: 'mash-checks',
      rag: 'red',
      rationale: RATIONALES.immediateDanger,
      agencies: allAgencies,
    });
  });

  it('rates anything else amber and asks police, health and education to check', () => {
    const outcome = screenContact(contactWith(), [unknownChild()]);
    expect(outcome).toEqual({
      route: 'mash-checks',
      rag: 'amber',
      rationale: RATIONALES.checks,
      agencies: allAgencies,
    });
  });

  it('writes rationales that carry no personal data from the contact', () => {
    const contact = contactWith();
    const { rationale } = screenContact(contact, [unknownChild()]);
    for (const value of [
      contact.children[0].givenName,
      contact.children[0].familyName,
      contact.children[0].dateOfBirth!,
    ]) {
      expect(rationale).not.toContain(value);
    }
  });
});
