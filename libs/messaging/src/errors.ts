import { asDomainError, DomainError, ErrorKind } from '@mash/platform';

/**
 * A message that can never succeed however often it is retried (a rule it breaks, a state it
 * contradicts): it goes straight to the dead-letter queue. Its message becomes the failure reason, so
 * it must carry ids and codes only, never personal data. Any DomainError of a kind other than
 * `temporary` is treated the same; this class is the message edge's own, with a code of its feature.
 */
export class PermanentMessageError extends DomainError {
  constructor(message: string, code = 'permanent', kind: Exclude<ErrorKind, 'temporary'> = 'invalid') {
    super(code, message, kind);
    this.name = 'PermanentMessageError';
  }
}

/**
 * A message that arrived before what it refers to (an agency's answer before its MASH record): it
 * waits, retried with back-off, without using up the retries meant for failures.
 */
export class RetryableMessageError extends Error {
  readonly code = 'arrived-early';
  constructor(message: string) {
    super(message);
    this.name = 'RetryableMessageError';
  }
}

/** A name for RetryableMessageError that says what it means. */
export const ArrivedEarlyError = RetryableMessageError;

/**
 * The reason recorded with a failed message. Only our own errors' messages are trusted to be free of
 * personal data; for anything else (a database error can quote a value) only its name and code.
 */
export function failureReason(error: unknown): string {
  if (error instanceof PermanentMessageError || error instanceof RetryableMessageError) {
    return `${error.name} (${error.code}): ${error.message}`;
  }
  if (error instanceof DomainError) return `${error.kind} ${error.code}: ${error.message}`;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} (${code})` : error.name;
  }
  return 'unknown error';
}

/** What the AMQP edge does with a message whose handling failed: the one place kinds map to actions. */
export type FailureAction =
  | { action: 'retry'; budget: 'failure' | 'waiting'; code: string; reason: string }
  | { action: 'dead-letter'; code: string; reason: string };

/**
 * Only a temporary failure is retried (for as long as it lasts, up to the horizon); a message that
 * arrived early waits; every other kind, and an error that is not a domain error at all (a bug), is
 * dead-lettered at once with its real reason, because retrying cannot change the answer.
 */
export function failureAction(error: unknown): FailureAction {
  if (error instanceof RetryableMessageError) {
    return { action: 'retry', budget: 'waiting', code: error.code, reason: failureReason(error) };
  }
  const domain = asDomainError(error);
  if (!domain)
    return { action: 'dead-letter', code: 'internal', reason: `internal: ${failureReason(error)}` };
  const reason =
    domain === error ? failureReason(error) : `temporary ${domain.code}: ${failureReason(error)}`;
  switch (domain.kind) {
    case 'temporary':
      return { action: 'retry', budget: 'failure', code: domain.code, reason };
    case 'invalid':
    case 'not-found':
    case 'conflict':
    case 'forbidden':
      return { action: 'dead-letter', code: domain.code, reason };
  }
}
