import { deadlineStatus, earliest, latest } from './deadline-status';

const at = (time: string) => new Date(`2024-03-04T${time}:00.000Z`);

describe('where a deadline stands', () => {
  it('is met when done by its due time, to the minute', () => {
    expect(deadlineStatus(at('13:15'), at('13:15'), at('18:00'))).toBe('met');
  });

  it('is missed when done after its due time, and stays missed', () => {
    expect(deadlineStatus(at('13:15'), at('13:16'), at('18:00'))).toBe('missed');
  });

  it('is missed when not done and its due time has passed', () => {
    expect(deadlineStatus(at('13:15'), null, at('13:16'))).toBe('missed');
  });

  it('is pending while not done and not yet due', () => {
    expect(deadlineStatus(at('13:15'), null, at('13:15'))).toBe('pending');
  });

  it('cannot be missed without a due time (Croydon 8: Green checks have a timescale, other hubs may set none)', () => {
    expect(deadlineStatus(null, null, at('23:00'))).toBe('pending');
    expect(deadlineStatus(null, at('12:00'), at('23:00'))).toBe('met');
  });

  it('takes the earlier or later of two due times, where null is no due time', () => {
    expect(earliest(at('10:00'), at('09:00'))).toEqual(at('09:00'));
    expect(earliest(null, at('09:00'))).toEqual(at('09:00'));
    expect(latest(at('10:00'), at('09:00'))).toEqual(at('10:00'));
    expect(latest(at('10:00'), null)).toEqual(at('10:00'));
  });
});
