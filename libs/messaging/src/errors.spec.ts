import { ConflictError, DomainError, TemporaryError } from '@mash/platform';
import { failureAction, failureReason, PermanentMessageError, RetryableMessageError } from './errors';

describe('failure reasons recorded with a dead-lettered message', () => {
  it('keep the message of our own errors, which carry ids only, with their code', () => {
    expect(failureReason(new PermanentMessageError('check c-1 is not known for contact k-1'))).toBe(
      'PermanentMessageError (permanent): check c-1 is not known for contact k-1',
    );
    expect(failureReason(new RetryableMessageError('record k-1 not yet created'))).toContain('k-1');
    expect(failureReason(new ConflictError('check-withdrawn', 'check c-1 was withdrawn'))).toBe(
      'conflict check-withdrawn: check c-1 was withdrawn',
    );
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

/** Errors as the database driver and TypeORM raise them while PostgreSQL restarts. */
function pgError(code: string, message = 'terminating connection due to administrator command'): Error {
  return Object.assign(new Error(message), { name: 'QueryFailedError', code, driverError: { code } });
}

describe('what the AMQP edge does with a failed message', () => {
  it('retries a database that is away, starting, or contended, naming the cause', () => {
    for (const error of [
      pgError('57P01'),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006', 'connection failure'),
      pgError('40001', 'could not serialize access'),
      pgError('40P01', 'deadlock detected'),
      pgError('55P03', 'could not obtain lock'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' }),
      new TemporaryError('lock-busy', 'record k-1 is locked'),
    ]) {
      expect(failureAction(error)).toMatchObject({ action: 'retry', budget: 'failure' });
    }
    expect(failureAction(pgError('40001', 'could not serialize access')).code).toBe('database-contention');
  });

  it('lets a message that arrived early wait on its own budget', () => {
    expect(failureAction(new RetryableMessageError('no MASH record yet for contact k-1'))).toMatchObject({
      action: 'retry',
      budget: 'waiting',
      code: 'arrived-early',
    });
  });

  it('dead-letters every other kind at once, with its code and reason', () => {
    expect(
      failureAction(new PermanentMessageError('check c-1 is for health, not police', 'misrouted')),
    ).toEqual({
      action: 'dead-letter',
      code: 'misrouted',
      reason: 'PermanentMessageError (misrouted): check c-1 is for health, not police',
    });
    expect(
      failureAction(new DomainError('outgoing-message-invalid', 'outgoing check.responded: items')),
    ).toEqual({
      action: 'dead-letter',
      code: 'outgoing-message-invalid',
      reason: 'invalid outgoing-message-invalid: outgoing check.responded: items',
    });
    expect(failureAction(new ConflictError('already-decided', 'contact k-1 is decided'))).toMatchObject({
      action: 'dead-letter',
      code: 'already-decided',
    });
  });

  it('dead-letters a bug at once as internal, without its message', () => {
    const bug = new TypeError('Cannot read properties of undefined (reading "Amy")');
    expect(failureAction(bug)).toEqual({
      action: 'dead-letter',
      code: 'internal',
      reason: 'internal: TypeError',
    });
    expect(failureAction(pgError('23502', 'null value in column "family_name"'))).toEqual({
      action: 'dead-letter',
      code: 'internal',
      reason: 'internal: QueryFailedError (23502)',
    });
  });
});
