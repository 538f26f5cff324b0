import { bandDays, bornBetweenFor, compareWithBand, schoolYearNumber } from './age-band';

const asOf = new Date('2026-12-04T10:00:00Z');

describe('age band', () => {
  it('gives "about 7" as three years of births, a year either side of the seventh year', () => {
    expect(bornBetweenFor({ years: 7 }, asOf)).toEqual({ earliest: '2017-12-05', latest: '2020-12-04' });
  });

  it('never reaches past the day the contact came in (a baby of 0)', () => {
    expect(bornBetweenFor({ years: 0 }, asOf)).toEqual({ earliest: '2024-12-05', latest: '2026-12-04' });
  });

  it('gives a school year as one academic year of births, 1 September to 31 August', () => {
    // Year 3 in 2026/27 (reception plus three: they turn 8 during the year): born September 2018 to August 2019.
    expect(bornBetweenFor({ schoolYear: 'year-3' }, asOf)).toEqual({
      earliest: '2018-09-01',
      latest: '2019-08-31',
    });
    // Before September the academic year is the previous one.
    expect(bornBetweenFor({ schoolYear: 'reception' }, new Date('2026-07-01T00:00:00Z'))).toEqual({
      earliest: '2020-09-01',
      latest: '2021-08-31',
    });
    expect(bornBetweenFor({ schoolYear: 'nursery' }, asOf)).toEqual({
      earliest: '2022-09-01',
      latest: '2023-08-31',
    });
  });

  it('reads school years', () => {
    expect([schoolYearNumber('nursery'), schoolYearNumber('year-13'), schoolYearNumber('year-x')]).toEqual([
      -1,
      13,
      null,
    ]);
  });

  it('places a date of birth inside, near or outside a band', () => {
    const band = { earliest: '2017-09-01', latest: '2018-08-31' };
    expect(bandDays(band)).toBe(365);
    expect(compareWithBand(band, '2018-01-10')).toBe('within');
    expect(compareWithBand(band, '2018-11-30')).toBe('near');
    expect(compareWithBand(band, '2016-10-01')).toBe('near');
    expect(compareWithBand(band, '2014-01-01')).toBe('outside');
    expect(compareWithBand(band, null)).toBe('unknown');
    expect(compareWithBand(null, '2018-01-10')).toBe('unknown');
  });
});
