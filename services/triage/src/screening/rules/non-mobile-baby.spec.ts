import { aChild } from '@mash/contracts/testing';
import { aContact, policyOf, screen } from '../../testing/screening-factories';
import { isPresumedNonMobileBaby, nonMobileBabyInjury } from './non-mobile-baby';
import { RATIONALES } from './rationales';

const at = (iso: string) => new Date(iso);

describe('a non-mobile baby', () => {
  it('is presumed up to the day before the baby is six months old', () => {
    expect(isPresumedNonMobileBaby({ dateOfBirth: '2026-05-24' }, at('2026-11-23T10:00:00Z'))).toBe(true);
    expect(isPresumedNonMobileBaby({ dateOfBirth: '2026-05-23' }, at('2026-11-23T10:00:00Z'))).toBe(false);
    expect(isPresumedNonMobileBaby({ dateOfBirth: '2016-05-14' }, at('2026-11-23T10:00:00Z'))).toBe(false);
  });

  it('turns six months on the last day of a shorter month', () => {
    expect(isPresumedNonMobileBaby({ dateOfBirth: '2026-08-31' }, at('2027-02-27T12:00:00Z'))).toBe(true);
    expect(isPresumedNonMobileBaby({ dateOfBirth: '2026-08-31' }, at('2027-02-28T12:00:00Z'))).toBe(false);
  });

  it('counts the baby’s age in London days: half past midnight BST is already the next day', () => {
    expect(isPresumedNonMobileBaby({ dateOfBirth: '2026-01-01' }, at('2026-06-30T23:30:00Z'))).toBe(false);
    expect(isPresumedNonMobileBaby({ dateOfBirth: '2026-01-01' }, at('2026-06-30T22:30:00Z'))).toBe(true);
  });

  it('is never an unborn child or a child without a date of birth', () => {
    expect(isPresumedNonMobileBaby({ unborn: true, dateOfBirth: null }, at('2026-11-23T10:00:00Z'))).toBe(
      false,
    );
  });

  it('with a concern of physical abuse is injured in the sense of the criterion only where the profile applies it', () => {
    const baby = { dateOfBirth: '2026-09-01' };
    const receivedAt = at('2026-11-23T10:00:00Z');
    const profile = policyOf('northamptonshire').profile;
    expect(nonMobileBabyInjury(baby, { categories: ['physical-abuse'] }, profile, receivedAt)).toBe(true);
    expect(nonMobileBabyInjury(baby, { categories: ['neglect'] }, profile, receivedAt)).toBe(false);
    expect(
      nonMobileBabyInjury(baby, { categories: ['physical-abuse'] }, { urgentIndicators: [] }, receivedAt),
    ).toBe(false);
  });
});

describe('a concern of physical abuse about a baby under six months', () => {
  const baby = aChild({ givenName: 'Baby', dateOfBirth: '2026-09-01', school: null });
  const sibling = aChild({ givenName: 'Sibling', dateOfBirth: '2018-04-04' });

  it('is red without the criterion ticked (Northamptonshire Appendix E: "non-mobile babies with any form of injury")', () => {
    const outcome = screen(aContact({ children: [baby] }, { categories: ['physical-abuse'] }));
    expect(outcome).toMatchObject({ route: 'mash-checks', rag: 'red' });
    expect(outcome.children[0].rationale).toBe(RATIONALES.redNonMobileBaby);
    expect(outcome.alerts.map((alert) => alert.kind)).toEqual(['mash-manager']);
  });

  it('makes the family red while the older sibling’s own screening stays amber (Warwickshire 5.2)', () => {
    const outcome = screen(aContact({ children: [sibling, baby] }, { categories: ['physical-abuse'] }));
    expect(outcome.children.map((child) => [child.childIndex, child.rag])).toEqual([
      [0, 'amber'],
      [1, 'red'],
    ]);
    expect(outcome.rag).toBe('red');
  });

  it('is not red for a concern of neglect alone', () => {
    const outcome = screen(aContact({ children: [baby] }, { categories: ['neglect'] }));
    expect(outcome.rag).toBe('amber');
  });

  it('does not go to a strategy discussion on its own: the MASH manager decides (Northamptonshire Appendix E, second list)', () => {
    const outcome = screen(aContact({ children: [baby] }, { categories: ['physical-abuse'] }));
    expect(outcome.route).toBe('mash-checks');
  });
});
