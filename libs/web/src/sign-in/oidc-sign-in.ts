import { BaseClient, generators, Issuer } from 'openid-client';
import { AGENCIES, Agency, STAFF_ROLES, StaffRole } from '@mash/contracts';
import type { Principal, ServiceConfig } from '@mash/platform';

export interface OidcStart {
  url: string;
  codeVerifier: string;
  state: string;
  nonce: string;
}

/**
 * Sign-in through the hub's OpenID Connect provider (AUTH_ISSUER): the authorization code flow with
 * PKCE (S256), state and nonce. The provider is discovered on first use, so a service whose provider
 * is briefly away still starts and serves its API.
 */
export class OidcSignIn {
  private client?: Promise<BaseClient>;

  constructor(private readonly config: ServiceConfig) {}

  static isConfigured(config: ServiceConfig): boolean {
    return Boolean(config.AUTH_ISSUER && config.OIDC_CLIENT_ID && config.PUBLIC_URL);
  }

  private get redirectUri(): string {
    return new URL('/sign-in/callback', this.config.PUBLIC_URL).toString();
  }

  private getClient(): Promise<BaseClient> {
    this.client ??= Issuer.discover(this.config.AUTH_ISSUER!).then(
      (issuer) =>
        new issuer.Client({
          client_id: this.config.OIDC_CLIENT_ID!,
          client_secret: this.config.OIDC_CLIENT_SECRET,
          redirect_uris: [this.redirectUri],
          response_types: ['code'],
          token_endpoint_auth_method: this.config.OIDC_CLIENT_SECRET ? 'client_secret_basic' : 'none',
        }),
    );
    // A failed discovery is tried again on the next sign-in, not remembered.
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }

  async start(): Promise<OidcStart> {
    const client = await this.getClient();
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const url = client.authorizationUrl({
      scope: 'openid profile roles',
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, codeVerifier, state, nonce };
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token) and reads the person's roles. */
  async finish(
    callbackUrl: string,
    expected: { codeVerifier: string; state: string; nonce: string },
  ): Promise<{ principal: Principal; idToken?: string }> {
    const client = await this.getClient();
    const params = client.callbackParams(callbackUrl);
    const tokens = await client.callback(this.redirectUri, params, {
      code_verifier: expected.codeVerifier,
      state: expected.state,
      nonce: expected.nonce,
    });
    const claims: Record<string, unknown> = { ...tokens.claims() };
    if (!Array.isArray(claims.roles) && tokens.access_token) {
      Object.assign(claims, await client.userinfo(tokens.access_token));
    }
    return { principal: principalFromClaims(claims), idToken: tokens.id_token };
  }

  async signOutUrl(idToken: string | undefined, postLogoutRedirect: string): Promise<string | undefined> {
    const client = await this.getClient();
    if (!client.issuer.metadata.end_session_endpoint) return undefined;
    return client.endSessionUrl({ id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirect });
  }
}

/** The same claims the API's bearer tokens carry: `sub`, `name`, `roles` and, for a practitioner, `agency`. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  if (typeof claims.sub !== 'string' || !claims.sub) throw new Error('the identity provider gave no subject');
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((role): role is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(role))
    : [];
  const agency =
    typeof claims.agency === 'string' && (AGENCIES as readonly string[]).includes(claims.agency)
      ? (claims.agency as Agency)
      : undefined;
  return {
    id: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : undefined,
    roles,
    agency,
  };
}
