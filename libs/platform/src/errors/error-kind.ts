/**
 * What kind of failure an error is (STYLE.md, Configuration and errors). The kind decides what each
 * edge does: the HTTP edge answers with a status (problem-details.ts), the AMQP edge retries a
 * temporary failure and dead-letters every other kind at once (libs/messaging, message-failure.ts).
 */
export const ERROR_KINDS = ['invalid', 'not-found', 'conflict', 'forbidden', 'temporary'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

/** Exhaustiveness check for switches over a closed union (twenty's assertUnreachable). */
export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}

/**
 * PostgreSQL SQLSTATEs of a failure that passes: the server is away, starting or shutting down, or two
 * transactions collided. Class 08 is "connection exception" and class 53 "insufficient resources".
 */
const TEMPORARY_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (the database system is starting up)
  '57014', // query_canceled (statement timeout while the server struggles)
  '58000', // system_error
  '58030', // io_error
]);
const TEMPORARY_SQLSTATE_CLASSES = ['08', '53'];

/** Socket and name-lookup failures: the peer is unreachable now, perhaps not in a minute. */
const TEMPORARY_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** TypeORM's and node-postgres's own errors when the pool or a connection went away under a query. */
const TEMPORARY_ERROR_NAMES = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
  'TransactionNotStartedError',
  'CannotGetEntityManagerNotConnectedError',
  'ConnectionIsNotSetError',
  'CannotExecuteNotConnectedError',
  'ConnectionNotFoundError',
]);
const TEMPORARY_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /Client was closed and is not queryable/,
  /Cannot use a pool after calling end/,
  /the database system is (starting up|shutting down|in recovery mode)/,
  /terminating connection due to administrator command/,
  /Connection is closed/,
  /Channel closed/,
  /broker connection .* is not open/,
];

export type TemporaryCause = 'database-unavailable' | 'database-contention' | 'connection-lost';

/**
 * Whether an error from the database, the broker or the network is one that passes by itself, and
 * which: looked for on the error, on TypeORM's `driverError` and along `cause`. The answer is a code,
 * never the error's message, which may quote a value.
 */
export function temporaryCause(error: unknown, depth = 0): TemporaryCause | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (TEMPORARY_SQLSTATES.has(code) || TEMPORARY_SQLSTATE_CLASSES.includes(code.slice(0, 2))) {
      return /^(40|55)/.test(code) ? 'database-contention' : 'database-unavailable';
    }
    if (TEMPORARY_SYSTEM_CODES.has(code)) return 'connection-lost';
  }
  if (typeof name === 'string' && TEMPORARY_ERROR_NAMES.has(name)) return 'database-unavailable';
  if (typeof message === 'string' && TEMPORARY_MESSAGES.some((pattern) => pattern.test(message)))
    return 'connection-lost';
  for (const inner of [
    (error as { driverError?: unknown }).driverError,
    (error as { cause?: unknown }).cause,
  ]) {
    const cause = temporaryCause(inner, depth + 1);
    if (cause) return cause;
  }
  // AggregateError (a connection attempt to several addresses, all refused).
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const cause = temporaryCause(inner, depth + 1);
      if (cause) return cause;
    }
  }
  return undefined;
}
