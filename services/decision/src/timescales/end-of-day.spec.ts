import { loadHubPolicy } from '../policy/hub-policy';
import { endOfDayWindow, londonDate } from './end-of-day';

// Friday 8 March 2024 (GMT); Blackburn with Darwen works 09:00 to 17:00, Monday to Friday.
const { calendar } = loadHubPolicy('blackburn-with-darwen');
const d = (iso: string) => new Date(iso);

describe('the end-of-day list (Blackburn with Darwen, Timeliness: no child left needing a decision at the end of the working day)', () => {
  it('before the close on Friday, is taken now and names Friday’s close', () => {
    expect(endOfDayWindow(calendar, undefined, d('2024-03-08T16:00:00.000Z'))).toEqual({
      date: '2024-03-08',
      closesAt: d('2024-03-08T17:00:00.000Z'),
      asOf: d('2024-03-08T16:00:00.000Z'),
      closed: false,
    });
  });

  it('after the close on Friday evening, is what was left at the close', () => {
    expect(endOfDayWindow(calendar, undefined, d('2024-03-08T19:30:00.000Z'))).toEqual({
      date: '2024-03-08',
      closesAt: d('2024-03-08T17:00:00.000Z'),
      asOf: d('2024-03-08T17:00:00.000Z'),
      closed: true,
    });
  });

  it('for a Saturday, looks to the close of Monday, the next working day', () => {
    expect(endOfDayWindow(calendar, '2024-03-09', d('2024-03-09T10:00:00.000Z'))).toMatchObject({
      closesAt: d('2024-03-11T17:00:00.000Z'),
      asOf: d('2024-03-09T10:00:00.000Z'),
      closed: false,
    });
  });

  it('for a bank holiday (Good Friday 2024), looks to the next working day', () => {
    expect(endOfDayWindow(calendar, '2024-03-29', d('2024-04-10T10:00:00.000Z')).closesAt).toEqual(
      d('2024-04-02T16:00:00.000Z'),
    );
  });

  it('tells the London date, which differs from UTC late on a summer evening', () => {
    expect(londonDate(d('2024-07-01T23:30:00.000Z'))).toBe('2024-07-02');
  });
});
