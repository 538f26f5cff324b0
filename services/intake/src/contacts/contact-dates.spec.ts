import type { ContactDetails } from '@mash/contracts';
import { contactDateViolations } from './contact-dates';

function contactWith(
  children: ContactDetails['children'],
  adults: ContactDetails['adults'] = [],
): ContactDetails {
  return { children, adults } as unknown as ContactDetails;
}
const today = new Date('2026-11-22T10:00:00Z');

describe('contact date rules', () => {
  it('refuses a child born in the future, naming the field', () => {
    const violations = contactDateViolations(
      contactWith([{ givenName: 'A', familyName: 'B', dateOfBirth: '2026-11-23' }]),
      today,
    );
    expect(violations).toEqual([
      expect.objectContaining({ field: 'children[0].dateOfBirth', rule: 'notInFuture' }),
    ]);
  });

  it('accepts a child born today', () => {
    expect(
      contactDateViolations(
        contactWith([{ givenName: 'A', familyName: 'B', dateOfBirth: '2026-11-22' }]),
        today,
      ),
    ).toEqual([]);
  });

  it('refuses an unborn child due more than a pregnancy away', () => {
    const violations = contactDateViolations(
      contactWith([{ givenName: 'A', familyName: 'B', unborn: true, expectedDueDate: '2027-12-01' }]),
      today,
    );
    expect(violations.map((v) => v.field)).toEqual(['children[0].expectedDueDate']);
  });

  it('accepts an unborn child due in four months', () => {
    expect(
      contactDateViolations(
        contactWith([{ givenName: 'A', familyName: 'B', unborn: true, expectedDueDate: '2027-03-20' }]),
        today,
      ),
    ).toEqual([]);
  });

  it('refuses an adult born in the future', () => {
    const violations = contactDateViolations(
      contactWith(
        [{ givenName: 'A', familyName: 'B', dateOfBirth: '2016-01-01' }],
        [{ givenName: 'C', familyName: 'D', dateOfBirth: '2030-01-01' }],
      ),
      today,
    );
    expect(violations.map((v) => v.field)).toEqual(['adults[0].dateOfBirth']);
  });
});
