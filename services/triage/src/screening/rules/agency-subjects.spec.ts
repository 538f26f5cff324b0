import { aChild, anAdult, anUnbornChild } from '@mash/contracts/testing';
import { aContact, screen } from '../../testing/screening-factories';

const family = aContact({
  children: [aChild(), aChild({ givenName: 'Ben' }), anUnbornChild()],
  adults: [anAdult(), anAdult({ givenName: 'Chris', relationship: 'Stepfather' })],
});

describe('each check asks its agency about whom it needs (think family, Warwickshire 5; Croydon 4)', () => {
  it('asks education nothing about a contact concerning an unborn baby alone, so plans no education check', () => {
    const outcome = screen(aContact({ children: [anUnbornChild()], adults: [anAdult()] }));
    expect(outcome.checks.map((check) => [check.agency, check.subjectIds])).toEqual([
      ['police', ['adult-0']],
      ['health', ['child-0', 'adult-0']],
    ]);
  });

  it('plans each check with its own subjects when screening a family', () => {
    const outcome = screen(family);
    expect(Object.fromEntries(outcome.checks.map((check) => [check.agency, check.subjectIds]))).toEqual({
      police: ['child-0', 'child-1', 'adult-0', 'adult-1'],
      health: ['child-0', 'child-1', 'child-2', 'adult-0', 'adult-1'],
      education: ['child-0', 'child-1'],
    });
  });
});
