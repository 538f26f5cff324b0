import { ForbiddenException, HttpException } from '@nestjs/common';
import { ConflictError, toProblem, ValidationFailedError } from './problem-details';

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
});
