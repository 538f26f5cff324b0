import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { issueDevelopmentToken } from './development-issuer';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

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
    const token = await issueDevelopmentToken({ roles: ['decision-maker'] }, secret, '-2m');
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

describe('TokenVerifier with an identity provider (a real key set served over HTTP)', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: KeyLike;
  const issuer = 'https://idp.test.example';
  const audience = 'mash-hub-test';
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: { iat?: number; exp?: number; iss?: string; aud?: string }) => {
    const jwt = new SignJWT({ roles: ['decision-maker'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('dm-1')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? audience);
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(privateKey);
  };
  const verifier = () => new TokenVerifier({ jwksUrl, issuer, audience });

  it('needs the issuer and the audience to check', () => {
    expect(() => new TokenVerifier({ jwksUrl })).toThrow('AUTH_ISSUER and AUTH_AUDIENCE');
    expect(() => new TokenVerifier({ jwksUrl, issuer })).toThrow('AUTH_ISSUER and AUTH_AUDIENCE');
  });

  it('accepts a fresh token from the issuer for this audience', async () => {
    await expect(verifier().verify(await sign({ iat: now(), exp: now() + 3600 }))).resolves.toMatchObject({
      id: 'dm-1',
      roles: ['decision-maker'],
    });
  });

  it('refuses another issuer or another audience', async () => {
    await expect(
      verifier().verify(await sign({ iat: now(), exp: now() + 3600, iss: 'https://evil.example' })),
    ).rejects.toThrow(InvalidTokenError);
    await expect(
      verifier().verify(await sign({ iat: now(), exp: now() + 3600, aud: 'another-app' })),
    ).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token without exp, or without iat', async () => {
    await expect(verifier().verify(await sign({ iat: now() }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier().verify(await sign({ exp: now() + 3600 }))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token meant to live longer than the maximum age, or issued longer ago', async () => {
    await expect(verifier().verify(await sign({ iat: now(), exp: now() + 30 * 24 * 3600 }))).rejects.toThrow(
      'TokenLifetimeTooLong',
    );
    await expect(
      verifier().verify(await sign({ iat: now() - 13 * 3600, exp: now() + 3600 })),
    ).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token issued in the future beyond a small clock tolerance, and accepts a few seconds of skew', async () => {
    await expect(verifier().verify(await sign({ iat: now() + 300, exp: now() + 3600 }))).rejects.toThrow(
      InvalidTokenError,
    );
    await expect(verifier().verify(await sign({ iat: now() + 5, exp: now() + 3600 }))).resolves.toMatchObject(
      {
        id: 'dm-1',
      },
    );
  });

  it('refuses an expired token, even within the tolerance less a little', async () => {
    await expect(verifier().verify(await sign({ iat: now() - 3600, exp: now() - 60 }))).rejects.toThrow(
      InvalidTokenError,
    );
  });
});

describe('TokenVerifier with the development issuer, token lifetimes', () => {
  it('refuses a development token meant to live longer than the maximum age', async () => {
    const token = await issueDevelopmentToken({ roles: ['auditor'] }, secret, '30d');
    await expect(new TokenVerifier({ devSecret: secret }).verify(token)).rejects.toThrow(
      'TokenLifetimeTooLong',
    );
  });
});
