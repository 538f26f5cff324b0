import { failureReason, PermanentMessageError, RetryableMessageError } from './errors';

describe('failure reasons recorded with a dead-lettered message', () => {
  it('keep the message of our own errors, which carry ids only', () => {
    expect(failureReason(new PermanentMessageError('check c-1 is not known for contact k-1'))).toBe(
      'PermanentMessageError: check c-1 is not known for contact k-1',
    );
    expect(failureReason(new RetryableMessageError('record k-1 not yet created'))).toContain('k-1');
  });

  it('drop the message of any other error, which could quote a child’s details', () => {
    const databaseError = Object.assign(new Error('Key (family_name)=(Jones) already exists'), {
      name: 'QueryFailedError',
      code: '23505',
    });
    expect(failureReason(databaseError)).toBe('QueryFailedError (23505)');
    expect(failureReason(new TypeError('Cannot read Amy'))).toBe('TypeError');
    expect(failureReason('Amy Jones')).toBe('unknown error');
  });
});
