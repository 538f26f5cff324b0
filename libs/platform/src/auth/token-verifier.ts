import { createRemoteJWKSet, jwtVerify, JWTPayload } from 'jose';
import { AGENCIES, STAFF_ROLES, Agency, StaffRole } from '@mash/contracts';
import { DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER } from './development-issuer';
import type { Principal } from './roles.decorator';

export interface TokenVerifierOptions {
  devSecret?: string;
  issuer?: string;
  jwksUrl?: string;
  audience?: string;
}

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
    try {
      if (this.jwks) {
        const { payload } = await jwtVerify(token, this.jwks, {
          issuer: this.options.issuer,
          audience: this.options.audience,
        });
        return payload;
      }
      const { payload } = await jwtVerify(token, new TextEncoder().encode(this.options.devSecret), {
        issuer: DEVELOPMENT_ISSUER,
        audience: DEVELOPMENT_AUDIENCE,
        algorithms: ['HS256'],
      });
      return payload;
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.name : 'invalid token');
    }
  }
}

function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
function isAgency(value: string): value is Agency {
  return (AGENCIES as readonly string[]).includes(value);
}
