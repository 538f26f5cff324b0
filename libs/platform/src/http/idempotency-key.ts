import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { createHash } from 'node:crypto';

/** The header a client sends so it can repeat a request after a timeout without doing it twice. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Longer keys are cut to this: a client's key is an opaque id (a UUID is 36), not a document. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** The key from request headers, trimmed, or undefined when absent or blank. */
export function readIdempotencyKey(headers: Record<string, unknown>): string | undefined {
  const value = headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  return typeof value === 'string' && value.trim()
    ? value.trim().slice(0, IDEMPOTENCY_KEY_MAX_LENGTH)
    : undefined;
}

/**
 * The optional `Idempotency-Key` header as a handler parameter. What a repeat means is the endpoint's
 * own rule (a contact is recorded once; a check's answer is sent once), so the service decides.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    readIdempotencyKey(context.switchToHttp().getRequest().headers),
);

/** Documents the optional header on an endpoint (OpenAPI). */
export const ApiIdempotencyKey = (description: string) =>
  applyDecorators(ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description }));

/** JSON with every object's keys in order and undefined left out, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

/** What makes a repeat the same request: a SHA-256 of its canonical JSON (kept instead of a second copy). */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((entry) => (entry === undefined ? null : sortedKeys(entry)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry !== undefined) out[key] = sortedKeys(entry);
  }
  return out;
}
