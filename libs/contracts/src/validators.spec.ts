import { validateSync } from 'class-validator';
import { IsCalendarDate, isCalendarDate } from './validators';

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', 'a leap year (divisible by 4)'],
    ['2000-02-29', 'a leap century (divisible by 400)'],
    ['1600-02-29', 'another leap century'],
    ['2023-02-28', 'the last day of February in a common year'],
    ['2023-01-31', 'a 31-day month'],
    ['2023-04-30', 'a 30-day month'],
    ['2023-12-31', 'the last day of the year'],
    ['1970-01-01', 'the epoch'],
    ['1969-12-31', 'before the epoch'],
    ['0004-02-29', 'a leap year below 100'],
    ['0099-12-31', 'a two-digit year written in four digits'],
    ['9999-12-31', 'the largest four-digit year'],
  ])('accepts %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    ['2023-02-29', 'February 29th in a common year'],
    ['1900-02-29', 'a century that is not a leap year'],
    ['2100-02-29', 'a future century that is not a leap year'],
    ['0100-02-29', 'a century below 1000 that is not a leap year'],
    ['2023-02-30', 'February 30th'],
    ['2023-04-31', 'the 31st of a 30-day month'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-01-32', 'day 32'],
  ])('refuses %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([
    '2023-1-01',
    '23-01-01',
    '20230101',
    '2023/01/01',
    '01-01-2023',
    '2023-01-01T00:00:00Z',
    '2023-01-01 ',
    ' 2023-01-01',
    '2023-01-01\n',
    '+2023-01-01',
    '２０２３-01-01',
    '',
  ])('refuses %j, which is not written YYYY-MM-DD', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([[null], [undefined], [20230101], [new Date('2023-01-01')], [['2023-01-01']], [{}]])(
    'refuses the non-string %p',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});

describe('@IsCalendarDate', () => {
  class Example {
    @IsCalendarDate() date!: unknown;
  }
  const errorsFor = (date: unknown) => validateSync(Object.assign(new Example(), { date }));

  it('passes a real date', () => {
    expect(errorsFor('2024-02-29')).toEqual([]);
  });

  it('fails an impossible date, naming the property but not the value', () => {
    const [error] = errorsFor('2023-02-29');
    expect(error.property).toBe('date');
    expect(error.constraints).toEqual({
      isCalendarDate: 'date must be a real calendar date in the form YYYY-MM-DD',
    });
    expect(JSON.stringify(error.constraints)).not.toContain('2023-02-29');
  });

  it('takes a custom message', () => {
    class Custom {
      @IsCalendarDate({ message: 'when is that?' }) date!: unknown;
    }
    const [error] = validateSync(Object.assign(new Custom(), { date: 'soon' }));
    expect(error.constraints).toEqual({ isCalendarDate: 'when is that?' });
  });
});
