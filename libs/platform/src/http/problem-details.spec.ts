import { ForbiddenException, HttpException } from '@nestjs/common';
import { ConflictError, DomainError, toProblem, ValidationFailedError } from './problem-details';

describe('problem details (RFC 9457)', () => {
  it('lists each invalid field and its rule', () => {
    const problem = toProblem(
      new ValidationFailedError([{ field: 'children[0].dateOfBirth', rule: 'isCalendarDate', message: 'm' }]),
    );
    expect(problem).toMatchObject({
      status: 400,
      type: expect.stringMatching(/validation-failed$/),
      errors: [{ field: 'children[0].dateOfBirth', rule: 'isCalendarDate' }],
    });
  });

  it('maps domain errors with their code and status', () => {
    expect(toProblem(new ConflictError('not-ready', 'the record is not ready for a decision'))).toMatchObject(
      {
        status: 409,
        type: expect.stringMatching(/not-ready$/),
        detail: 'the record is not ready for a decision',
      },
    );
    expect(toProblem(new ForbiddenException('this needs one of the roles: decision-maker'))).toMatchObject({
      status: 403,
    });
    expect(toProblem(new HttpException('x', 413)).status).toBe(413);
  });

  it('answers a body it cannot read with 4xx, never quoting the body', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
    });
    expect(toProblem(tooLarge)).toMatchObject({
      status: 413,
      detail: 'the request body is larger than this endpoint accepts',
    });
    const notJson = new HttpException('Unexpected token \'A\', "Amy Jones" is not valid JSON', 400);
    expect(toProblem(notJson)).toMatchObject({ status: 400, detail: 'the request body is not valid JSON' });
    expect(JSON.stringify(toProblem(notJson))).not.toContain('Amy');
  });

  it('never passes an unexpected error’s message to the client', () => {
    const problem = toProblem(new Error('duplicate key value (Amy Jones)'));
    expect(problem).toEqual({
      type: expect.any(String),
      title: 'Internal Server Error',
      status: 500,
      detail: 'an unexpected error occurred',
    });
  });

  it('answers 503, never 500, while the database is away or contended, naming the cause only', () => {
    const restarting = Object.assign(new Error('the database system is starting up (Amy Jones)'), {
      name: 'QueryFailedError',
      code: '57P03',
    });
    const released = Object.assign(new Error('Query runner already released'), {
      name: 'QueryRunnerAlreadyReleasedError',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (const error of [restarting, released, refused, new Error('Connection terminated unexpectedly')]) {
      const problem = toProblem(error);
      expect(problem.status).toBe(503);
      expect(JSON.stringify(problem)).not.toContain('Amy');
    }
    expect(toProblem(restarting).type).toMatch(/database-unavailable$/);
  });

  it('gives every domain error a kind, from the kind or from the status it was given', () => {
    expect(new DomainError('x', 'm', 'not-found')).toMatchObject({ kind: 'not-found', status: 404 });
    expect(new DomainError('x', 'm', 'temporary')).toMatchObject({ kind: 'temporary', status: 503 });
    expect(new DomainError('x', 'm', 400)).toMatchObject({ kind: 'invalid', status: 400 });
    expect(new DomainError('x', 'm', 403)).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(new DomainError('x', 'm')).toMatchObject({ kind: 'invalid', status: 422 });
  });
});
