import { IDEMPOTENCY_KEY_MAX_LENGTH, readIdempotencyKey } from './idempotency-key';

describe('the Idempotency-Key header', () => {
  it('is read trimmed from the lower-cased header Node gives', () => {
    expect(readIdempotencyKey({ 'idempotency-key': '  portal-abc-1 ' })).toBe('portal-abc-1');
  });

  it('is absent when missing, blank or not a single string', () => {
    expect(readIdempotencyKey({})).toBeUndefined();
    expect(readIdempotencyKey({ 'idempotency-key': '   ' })).toBeUndefined();
    expect(readIdempotencyKey({ 'idempotency-key': ['a', 'b'] })).toBeUndefined();
  });

  it('is cut to its maximum length', () => {
    const key = readIdempotencyKey({ 'idempotency-key': 'k'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH + 50) });
    expect(key).toHaveLength(IDEMPOTENCY_KEY_MAX_LENGTH);
  });
});
