/** After this many failed attempts an email is given up on and shows as `failed`. */
export const MAX_DISPATCH_ATTEMPTS = 10;

const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 4 * 60 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt before the next one: 1, 2, 4, 8 ... minutes,
 * at most 4 hours, so the ten attempts span about 12 hours: long enough to ride out a mail server's
 * outage overnight, short enough that staff see `failed` and phone or post the letter the next day.
 * Undefined once the attempts are used up.
 */
export function retryDelayMs(attempts: number): number | undefined {
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError('attempts must be a positive integer');
  if (attempts >= MAX_DISPATCH_ATTEMPTS) return undefined;
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_WAIT_MS);
}
