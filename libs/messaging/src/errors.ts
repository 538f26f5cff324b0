/**
 * A message that can never succeed however often it is retried (a rule it breaks, a state it contradicts):
 * it goes straight to the dead-letter queue. Its message becomes the failure reason, so it must
 * carry ids and codes only, never personal data.
 */
export class PermanentMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMessageError';
  }
}

/** A message that may succeed later (it arrived before what it refers to): retried with back-off. */
export class RetryableMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryableMessageError';
  }
}

/**
 * The reason recorded with a failed message. Only our own errors' messages are trusted to be free of
 * personal data; for anything else (a database error can quote a value) only its name and code.
 */
export function failureReason(error: unknown): string {
  if (error instanceof PermanentMessageError || error instanceof RetryableMessageError) {
    return `${error.name}: ${error.message}`;
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} (${code})` : error.name;
  }
  return 'unknown error';
}
