import { dateParts, isoDate, list, text, wholeNumber, yesNo } from './referral-answers';

describe('reading a referral form', () => {
  it('writes a GOV.UK date input as the contract date, and back', () => {
    expect(isoDate('4', '3', '2016')).toBe('2016-03-04');
    expect(dateParts('2016-03-04')).toEqual({ day: '4', month: '3', year: '2016' });
    expect(isoDate('', ' ', '')).toBeUndefined();
  });

  it('passes an incomplete or impossible date on as typed, for the contract to refuse', () => {
    expect(isoDate('31', '2', '2016')).toBe('2016-02-31');
    expect(isoDate('', '3', '2016')).toBe('2016-03-00');
  });

  it('keeps empty answers out and says "I do not know" by leaving the answer out', () => {
    expect(text('  ')).toBeUndefined();
    expect(text(' Amy ')).toBe('Amy');
    expect([yesNo('yes'), yesNo('no'), yesNo('unknown')]).toEqual([true, false, undefined]);
    expect(list(undefined)).toEqual([]);
    expect(list('neglect')).toEqual(['neglect']);
  });

  it('reads the safety scale as a whole number only when it is one', () => {
    expect(wholeNumber('4')).toBe(4);
    expect(wholeNumber('four')).toBe('four');
    expect(wholeNumber('')).toBeUndefined();
  });
});
