import { aChild } from '@mash/contracts/testing';
import { aContact, policyOf, screen } from '../../testing/screening-factories';
import { RATIONALES } from './rationales';
import { isRed, redCriteria } from './red-criteria';

describe('the urgent criteria and immediate danger', () => {
  it('make a contact red with MASH checks when one applies, here a suspicious injury with no disclosure (Northamptonshire Appendix E)', () => {
    const outcome = screen(aContact({}, { urgentIndicators: ['suspicious-injury'] }));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.children[0].rationale).toBe(RATIONALES.redUrgentCriteria);
    expect(outcome.checks.every((check) => check.state === 'requested')).toBe(true);
  });

  it('make a contact red when immediate danger is reported, with the MASH manager alerted at once', () => {
    const outcome = screen(aContact({}, { immediateDanger: true }));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.children[0].rationale).toBe(RATIONALES.redImmediateDanger);
    expect(outcome.alerts).toEqual([
      { kind: 'mash-manager', childIndex: null, to: null, dueAt: new Date('2026-11-23T10:00:00.000Z') },
    ]);
  });

  it('count only as the profile lists them: a criterion it does not list leaves the contact amber', () => {
    const policy = policyOf('northamptonshire', { urgentIndicators: ['homeless-child-or-family'] });
    const contact = aContact({}, { urgentIndicators: ['suspicious-injury', 'homeless-child-or-family'] });
    expect(redCriteria(contact, contact.children[0], policy.profile).urgentIndicators).toEqual([
      'homeless-child-or-family',
    ]);
    const outcome = screen(aContact({}, { urgentIndicators: ['suspicious-injury'] }), undefined, policy);
    expect(outcome.rag).toBe('amber');
  });

  it('are none when nothing is ticked and no danger reported: amber for a safeguarding contact, green for early help', () => {
    const contact = aContact();
    expect(isRed(redCriteria(contact, contact.children[0], policyOf('croydon').profile))).toBe(false);
    expect(screen(contact).rag).toBe('amber');
    expect(screen(aContact({ requestType: 'early-help' })).rag).toBe('green');
  });

  it('make the contact red for every child in it, since the referrer does not say which child', () => {
    const contact = aContact(
      { children: [aChild(), aChild({ givenName: 'Ben' })] },
      {
        urgentIndicators: ['carer-detained-no-other-carer'],
      },
    );
    expect(screen(contact).children.map((child) => child.rag)).toEqual(['red', 'red']);
  });
});
