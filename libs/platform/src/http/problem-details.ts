import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { FieldViolation } from '@mash/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://mash-hub.org/problems/';

/**
 * A domain error with a stable code (STYLE.md: typed errors mapped to RFC 9457 at the edge).
 * Its message is written for the caller and must never contain personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = HttpStatus.UNPROCESSABLE_ENTITY,
    readonly violations: FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not-found', `${what} was not found`, HttpStatus.NOT_FOUND);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, HttpStatus.CONFLICT);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(violations: FieldViolation[], message = 'the request has invalid fields') {
    super('validation-failed', message, HttpStatus.BAD_REQUEST, violations);
  }
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldViolation[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof DomainError) {
    return {
      type: PROBLEM_BASE + exception.code,
      title: TITLES[exception.status] ?? 'Error',
      status: exception.status,
      detail: exception.message,
      ...(exception.violations.length ? { errors: exception.violations } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const detail =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : exception.message;
    return {
      type: PROBLEM_BASE + (status === 404 ? 'not-found' : `http-${status}`),
      title: TITLES[status] ?? 'Error',
      status,
      detail,
    };
  }
  return {
    type: PROBLEM_BASE + 'internal',
    title: TITLES[500],
    status: 500,
    detail: 'an unexpected error occurred',
  };
}

/** Every error leaves as problem details; no stack trace or internal message reaches a client. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost) {
    // A message handler's error goes back to the AMQP transport untouched: it decides between retry
    // and dead letter from the error's class.
    if (host.getType() !== 'http') throw exception;
    const problem = toProblem(exception);
    if (problem.status >= 500) {
      // The error's name only: messages of library errors can carry values from the request.
      this.logger.error(`unhandled ${exception instanceof Error ? exception.name : 'error'}`);
    }
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  }
}
