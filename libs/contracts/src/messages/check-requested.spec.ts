import { AGENCIES } from '../vocabulary';
import { aCheckRequested, aCheckSubject, anAddress, EXAMPLE_CHECK_IDS, violationsOf } from '../testing';
import { NAME_MAX } from './people';

const check = (body: unknown) => violationsOf('check.requested', JSON.parse(JSON.stringify(body)));

describe('check.requested', () => {
  it.each(AGENCIES)('accepts a check for %s', (agency) => {
    const body = aCheckRequested({ agency });
    expect(body.checkId).toBe(EXAMPLE_CHECK_IDS[agency]);
    expect(check(body)).toEqual([]);
  });

  it('refuses an unknown agency', () => {
    expect(check({ ...aCheckRequested(), agency: 'fire-service' })).toEqual(['agency (isIn)']);
  });

  it('accepts no due time', () => {
    expect(check(aCheckRequested({ dueAt: null }))).toEqual([]);
    expect(check(aCheckRequested({ dueAt: undefined }))).toEqual([]);
  });

  it('refuses an unknown concern category', () => {
    expect(check({ ...aCheckRequested(), concernCategories: ['neglect', 'nosiness'] })).toEqual([
      'concernCategories (isIn)',
    ]);
  });

  it('asks about at least one subject, and at most 40', () => {
    expect(check(aCheckRequested({ subjects: [] }))).toEqual(['subjects (arrayMinSize)']);
    expect(check(aCheckRequested({ subjects: Array.from({ length: 41 }, () => aCheckSubject()) }))).toEqual([
      'subjects (arrayMaxSize)',
    ]);
  });

  describe('subjects', () => {
    it.each(['child-0', 'adult-12'])('accept the subject id %j', (subjectId) => {
      expect(check(aCheckRequested({ subjects: [aCheckSubject({ subjectId })] }))).toEqual([]);
    });

    it.each(['child', 'child-', 'parent-0', 'child-0 ', 'CHILD-0'])(
      'refuse the subject id %j',
      (subjectId) => {
        expect(check(aCheckRequested({ subjects: [aCheckSubject({ subjectId })] }))).toEqual([
          'subjects[0].subjectId (matches)',
        ]);
      },
    );

    it('refuse an unknown role', () => {
      expect(check({ ...aCheckRequested(), subjects: [{ ...aCheckSubject(), role: 'sibling' }] })).toEqual([
        'subjects[0].role (isIn)',
      ]);
    });

    it('refuse an impossible date of birth or a bad postcode', () => {
      const subject = aCheckSubject({ dateOfBirth: '2011-02-29', address: anAddress({ postcode: 'EX1' }) });
      expect(check(aCheckRequested({ subjects: [aCheckSubject(), subject] }))).toEqual([
        'subjects[1].dateOfBirth (isCalendarDate)',
        'subjects[1].address.postcode (matches)',
      ]);
    });

    it('refuse too many or too long other names', () => {
      expect(
        check(aCheckRequested({ subjects: [aCheckSubject({ otherNames: Array(11).fill('x') })] })),
      ).toEqual(['subjects[0].otherNames (arrayMaxSize)']);
      expect(
        check(aCheckRequested({ subjects: [aCheckSubject({ otherNames: ['x'.repeat(NAME_MAX + 1)] })] })),
      ).toEqual(['subjects[0].otherNames (maxLength)']);
    });

    it('accept only what the agency needs to find someone: optional identifiers may be null', () => {
      const subject = aCheckSubject({
        dateOfBirth: null,
        gender: null,
        address: null,
        nhsNumber: null,
        upn: null,
        pncId: null,
      });
      expect(check(aCheckRequested({ subjects: [subject] }))).toEqual([]);
    });
  });
});
