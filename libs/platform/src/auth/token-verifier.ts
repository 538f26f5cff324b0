import { createRemoteJWKSet, jwtVerify, JWTPayload } from 'jose';
import { AGENCIES, STAFF_ROLES, Agency, StaffRole } from '@mash/contracts';
import { DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER } from './development-issuer';
import type { Principal } from './roles.decorator';

export interface TokenVerifierOptions {
  devSecret?: string;
  issuer?: string;
  jwksUrl?: string;
  audience?: string;
  /** The longest a token may live (exp - iat) and the oldest it may be (now - iat), in seconds. */
  maxTokenAgeSeconds?: number;
  /** How far the issuer's clock and ours may disagree, in seconds. */
  clockToleranceSeconds?: number;
}

/** A working day's sign-in; a token meant to live longer is refused. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 12 * 60 * 60;
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** Verifies OpenID Connect bearer tokens (JWKS) or, in development, tokens from the development issuer. */
export class TokenVerifier {
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) this.jwks = createRemoteJWKSet(new URL(options.jwksUrl));
    if (!options.devSecret && !options.jwksUrl) {
      throw new Error('no token issuer configured: set AUTH_JWKS_URL (and AUTH_ISSUER) or AUTH_DEV_SECRET');
    }
    if (options.jwksUrl && (!options.issuer || !options.audience)) {
      throw new Error('an identity provider needs AUTH_ISSUER and AUTH_AUDIENCE, checked on every token');
    }
  }

  async verify(token: string): Promise<Principal> {
    const payload = await this.verifySignature(token);
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isStaffRole) : [];
    const agency =
      typeof payload.agency === 'string' && isAgency(payload.agency) ? payload.agency : undefined;
    if (!payload.sub) throw new InvalidTokenError('token has no subject');
    return {
      id: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : undefined,
      roles,
      agency,
    };
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    const maxTokenAge = this.options.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    // exp and iat are required; jose refuses a token issued in the future (beyond the tolerance), an
    // expired one, and one older than maxTokenAge.
    const checks = {
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge,
      clockTolerance: this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
    };
    let payload: JWTPayload;
    try {
      payload = this.jwks
        ? (
            await jwtVerify(token, this.jwks, {
              issuer: this.options.issuer,
              audience: this.options.audience,
              ...checks,
            })
          ).payload
        : (
            await jwtVerify(token, new TextEncoder().encode(this.options.devSecret), {
              issuer: DEVELOPMENT_ISSUER,
              audience: DEVELOPMENT_AUDIENCE,
              algorithms: ['HS256'],
              ...checks,
            })
          ).payload;
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.name : 'invalid token');
    }
    // A fresh token meant to live for a year is as dangerous as an old one.
    if ((payload.exp as number) - (payload.iat as number) > maxTokenAge)
      throw new InvalidTokenError('TokenLifetimeTooLong');
    return payload;
  }
}

function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
function isAgency(value: string): value is Agency {
  return (AGENCIES as readonly string[]).includes(value);
}
