import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignatureHeaders, SignatureVerifier, signingKeyId, signMessage } from './message-signature';

function anAgencyKey() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, keyId: signingKeyId(privateKey), publicKey };
}

describe('signed agency responses', () => {
  const police = anAgencyKey();
  const health = anAgencyKey();
  const verifier = new SignatureVerifier([
    { keyId: police.keyId, agency: 'police', publicKey: police.publicKey },
    { keyId: health.keyId, agency: 'health', publicKey: health.publicKey },
  ]);
  const body = Buffer.from(JSON.stringify({ agency: 'police', rag: 'amber' }));
  const headersFor = (key: typeof police, payload = body, messageId = 'm-1') => ({
    [SignatureHeaders.Signature]: signMessage(key.privateKey, 'check.responded', messageId, payload),
    [SignatureHeaders.KeyId]: key.keyId,
  });

  it('accepts a response signed by the agency it names', () => {
    expect(verifier.check('check.responded', 'm-1', body, headersFor(police), 'police')).toEqual({
      ok: true,
      agency: 'police',
    });
  });

  it('refuses a response forged with another key under the agency key id', () => {
    const forger = anAgencyKey();
    const headers = { ...headersFor(forger), [SignatureHeaders.KeyId]: police.keyId };
    expect(verifier.check('check.responded', 'm-1', body, headers, 'police')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not verify'),
    });
  });

  it('refuses a response signed with a key it does not know', () => {
    expect(verifier.check('check.responded', 'm-1', body, headersFor(anAgencyKey()), 'police')).toMatchObject(
      { ok: false, reason: expect.stringContaining('unknown key') },
    );
  });

  it('refuses a body changed after signing, and a signature moved to another message id', () => {
    const tampered = Buffer.from(JSON.stringify({ agency: 'police', rag: 'green' }));
    expect(verifier.check('check.responded', 'm-1', tampered, headersFor(police), 'police').ok).toBe(false);
    expect(verifier.check('check.responded', 'm-2', body, headersFor(police), 'police').ok).toBe(false);
  });

  it('refuses one agency speaking for another', () => {
    expect(verifier.check('check.responded', 'm-1', body, headersFor(health), 'police')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('speaks for health'),
    });
  });

  it('refuses an unsigned response', () => {
    expect(verifier.check('check.responded', 'm-1', body, {}, 'police')).toEqual({
      ok: false,
      reason: 'check.responded is not signed',
    });
  });

  it('will not trust a key whose id does not match it', () => {
    expect(
      () => new SignatureVerifier([{ keyId: health.keyId, agency: 'police', publicKey: police.publicKey }]),
    ).toThrow('does not match');
  });
});
