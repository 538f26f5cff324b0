import { compareDatesOfBirth, transposeDayAndMonth } from './date-of-birth-match';

describe('date of birth agreement', () => {
  it('agrees on the same date', () => expect(compareDatesOfBirth('2016-03-04', '2016-03-04')).toBe('same'));

  it('recognises day and month transposed', () => {
    expect(compareDatesOfBirth('2016-03-04', '2016-04-03')).toBe('transposed');
  });

  it('does not transpose a day over 12 or a day equal to the month', () => {
    expect(transposeDayAndMonth('2016-03-14')).toBeNull();
    expect(transposeDayAndMonth('2016-03-03')).toBeNull();
  });

  it('takes one wrong digit as a typo', () => {
    expect(compareDatesOfBirth('2016-03-04', '2016-03-07')).toBe('typo');
    expect(compareDatesOfBirth('2016-03-04', '2015-03-04')).toBe('typo');
  });

  it('takes two neighbouring digits swapped as a typo (1987 for 1978)', () => {
    expect(compareDatesOfBirth('1978-05-20', '1987-05-20')).toBe('typo');
  });

  it('takes the year one out with the same day and month as a typo (2019 for 2020)', () => {
    expect(compareDatesOfBirth('2020-12-31', '2019-12-31')).toBe('typo');
  });

  it('takes any other difference as a different date', () => {
    expect(compareDatesOfBirth('2016-03-04', '2016-09-21')).toBe('different');
    expect(compareDatesOfBirth('2016-03-04', '2012-03-04')).toBe('typo'); // one digit: 6 for 2
    expect(compareDatesOfBirth('2016-03-04', '2011-11-04')).toBe('different');
  });

  it('has nothing to compare when either side has no date of birth', () => {
    expect(compareDatesOfBirth(null, '2016-03-04')).toBe('missing');
    expect(compareDatesOfBirth('2016-03-04', undefined)).toBe('missing');
  });
});
