import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { FieldViolation } from '@mash/contracts';
import { assertUnreachable, ErrorKind, isErrorKind, temporaryCause } from '../errors/error-kind';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://mash-hub.org/problems/';

/**
 * The HTTP edge's one mapping from an error's kind to a status. A domain error may name a more exact
 * status of the same kind (400 or 413 for invalid input rather than 422); its kind then follows the status.
 */
export function statusOfKind(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'not-found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'temporary':
      return HttpStatus.SERVICE_UNAVAILABLE;
    default:
      return assertUnreachable(kind);
  }
}

/** The kind of an HTTP status a domain error was given. */
export function kindOfStatus(status: number): ErrorKind {
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 503 || status === 429) return 'temporary';
  return 'invalid';
}

/** Seconds a client is asked to wait (Retry-After) when the service's database or broker is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A domain error with a stable code from its feature's own list and a kind (STYLE.md: typed errors
 * mapped to RFC 9457 at the HTTP edge, to retry or dead-letter at the AMQP edge). Its message is
 * written for the caller and must never contain personal data. The third argument is a kind, or (as
 * older callers pass it) an HTTP status whose kind is taken.
 */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    kindOrStatus: ErrorKind | number = 'invalid',
    readonly violations: FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
    if (isErrorKind(kindOrStatus)) {
      this.kind = kindOrStatus;
      this.status = statusOfKind(kindOrStatus);
    } else {
      this.kind = kindOfStatus(kindOrStatus);
      this.status = kindOrStatus;
    }
  }
}

/** A failure that passes by itself (a database restarting, a lock held): 503 with Retry-After, or a retry. */
export class TemporaryError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'temporary');
  }
}

/**
 * The domain error an error stands for: itself, or for a temporary infrastructure failure (the
 * database or broker away, a serialization failure) a TemporaryError naming its cause. Anything else
 * is not a domain error (undefined): a bug, answered 500 and dead-lettered as `internal`.
 */
export function asDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  const cause = temporaryCause(error);
  if (cause)
    return new TemporaryError(cause, 'the service cannot reach what it depends on; try again shortly');
  return undefined;
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

/** What body-parser says about a body it could not read, in words that never quote the body itself. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'the request body is not valid JSON',
  'entity.too.large': 'the request body is larger than this endpoint accepts',
  'encoding.unsupported': 'the request body has an unsupported encoding',
  'charset.unsupported': 'the request body has an unsupported charset',
  'request.aborted': 'the request was aborted',
  'request.size.invalid': 'the request body is shorter or longer than its Content-Length',
};

function bodyError(exception: unknown): { status: number; detail: string } | undefined {
  for (const candidate of [exception, (exception as { cause?: unknown })?.cause]) {
    const type = (candidate as { type?: unknown })?.type;
    const status = (candidate as { status?: unknown })?.status;
    if (typeof type === 'string' && type in BODY_ERRORS) {
      return {
        status: typeof status === 'number' && status >= 400 && status < 500 ? status : 400,
        detail: BODY_ERRORS[type],
      };
    }
  }
  if (exception instanceof HttpException && exception.getStatus() === 400 && /JSON/.test(exception.message)) {
    return { status: 400, detail: BODY_ERRORS['entity.parse.failed'] };
  }
  return undefined;
}

export function toProblem(exception: unknown): ProblemDetails {
  const unreadable = bodyError(exception);
  if (unreadable) {
    return {
      type: PROBLEM_BASE + 'unreadable-body',
      title: TITLES[unreadable.status] ?? 'Bad Request',
      status: unreadable.status,
      detail: unreadable.detail,
    };
  }
  const domain = asDomainError(exception);
  if (domain) {
    const exception = domain;
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
    const response = host.switchToHttp().getResponse<Response>();
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) {
      // Honest about an outage: the client may try again; an orchestrator sees 503, not a crash.
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn(`answered 503: ${problem.type.slice(PROBLEM_BASE.length)}`);
    } else if (problem.status >= 500) {
      // The error's name only: messages of library errors can carry values from the request.
      this.logger.error(`unhandled ${exception instanceof Error ? exception.name : 'error'}`);
    }
    if (response.headersSent) return;
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
