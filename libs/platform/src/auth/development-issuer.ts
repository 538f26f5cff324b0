import { SignJWT } from 'jose';

export const DEVELOPMENT_ISSUER = 'mash-hub-development';
export const DEVELOPMENT_AUDIENCE = 'mash-hub';
/**
 * The development secret this repository publishes (npm start, npm run token). Anyone can mint tokens
 * with it, so a service refuses it wherever NODE_ENV is not development or test.
 */
export const PUBLISHED_DEVELOPMENT_SECRET = 'mash-hub-development-secret-change-me';

export interface DevelopmentClaims {
  sub?: string;
  name?: string;
  roles: string[];
  agency?: string;
}

/** The development issuer (API.md): signs a short-lived token the services accept when AUTH_DEV_SECRET is set. */
export async function issueDevelopmentToken(
  claims: DevelopmentClaims,
  secret: string,
  expiresIn = '8h',
): Promise<string> {
  const payload: Record<string, unknown> = { roles: claims.roles };
  if (claims.name) payload.name = claims.name;
  if (claims.agency) payload.agency = claims.agency;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? `dev-${claims.roles.join('-')}${claims.agency ? `-${claims.agency}` : ''}`)
    .setIssuer(DEVELOPMENT_ISSUER)
    .setAudience(DEVELOPMENT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
