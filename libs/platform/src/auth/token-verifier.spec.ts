import { issueDevelopmentToken } from './development-issuer';
import { TokenVerifier } from './token-verifier';

const secret = 'a-development-secret-for-tests';

describe('TokenVerifier with the development issuer', () => {
  const verifier = new TokenVerifier({ devSecret: secret });

  it('accepts a token from the development issuer and reads roles, agency and name', async () => {
    const token = await issueDevelopmentToken(
      { sub: 'p-1', name: 'Pat', roles: ['agency-practitioner'], agency: 'police' },
      secret,
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'p-1',
      name: 'Pat',
      roles: ['agency-practitioner'],
      agency: 'police',
    });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await issueDevelopmentToken(
      { roles: ['decision-maker'] },
      'another-secret-of-enough-length',
    );
    await expect(verifier.verify(token)).rejects.toThrow('JWSSignatureVerificationFailed');
  });

  it('refuses an expired token', async () => {
    const token = await issueDevelopmentToken({ roles: ['decision-maker'] }, secret, '-1s');
    await expect(verifier.verify(token)).rejects.toThrow('JWTExpired');
  });

  it('ignores roles and agencies it does not know', async () => {
    const token = await issueDevelopmentToken(
      { sub: 'x', roles: ['root', 'auditor'], agency: 'mi5' },
      secret,
    );
    await expect(verifier.verify(token)).resolves.toMatchObject({ roles: ['auditor'], agency: undefined });
  });

  it('will not start with no issuer configured', () => {
    expect(() => new TokenVerifier({})).toThrow('no token issuer configured');
  });
});
