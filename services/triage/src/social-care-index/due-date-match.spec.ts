import { DUE_DATE_WINDOW_DAYS, dueDateDistance, dueDateReason } from './due-date-match';
import { isMother } from './social-care-index.service';

describe('an unborn child by the mother’s record and the due date', () => {
  it('takes a pre-birth record due within the window, and a baby born within it since', () => {
    expect(
      dueDateDistance('2027-03-12', { unborn: true, expectedDueDate: '2027-03-01', dateOfBirth: null }),
    ).toBe(11);
    expect(
      dueDateDistance('2027-03-12', { unborn: false, expectedDueDate: null, dateOfBirth: '2027-02-20' }),
    ).toBe(20);
  });

  it('leaves a record due months apart (another pregnancy)', () => {
    expect(
      dueDateDistance('2027-08-01', { unborn: true, expectedDueDate: '2027-03-01', dateOfBirth: null }),
    ).toBeNull();
    expect(DUE_DATE_WINDOW_DAYS).toBe(42);
  });

  it('says how near in days, never the date', () => {
    expect(dueDateReason(11, { unborn: true, expectedDueDate: '2027-03-01', dateOfBirth: null })).toBe(
      'expected due date agrees with the record’s (within 11 days)',
    );
    expect(dueDateReason(0, { unborn: false, expectedDueDate: null, dateOfBirth: '2027-03-01' })).toBe(
      'the record’s baby was born the same day of the expected due date',
    );
  });

  it('knows the mother among the adults, not a step-mother or grandmother', () => {
    expect(['mother', 'Mum', 'birth mother', 'expectant mother'].map(isMother)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['step-mother', 'grandmother', 'foster mother', 'father', null].map(isMother)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
