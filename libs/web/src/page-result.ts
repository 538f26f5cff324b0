import type { Request, Response } from 'express';
import type { Principal } from '@mash/platform';

/** What express-session keeps for a page-serving service. Answers in progress live under `forms`. */
export interface WebSessionData {
  principal?: Principal;
  /** Where to go back to after signing in (a local path, never a full URL). */
  returnTo?: string;
  /** The OpenID Connect state of a sign-in in progress (PKCE verifier, state and nonce). */
  oidc?: { codeVerifier: string; state: string; nonce: string };
  /** Answers a person is giving, by form, until they are sent. */
  forms?: Record<string, unknown>;
  /** One-off messages shown on the next page (a notification banner). */
  flash?: { heading?: string; text: string; type?: 'success' | 'important' }[];
  csrfToken?: string;
  /** The ID token of an OpenID Connect sign-in, for the provider's sign-out. */
  idToken?: string;
}

export type PageRequest = Request & { session: Request['session'] & WebSessionData; principal?: Principal };

/** Renders a view with the page's context merged over what every page has (principal, CSRF token, nonce). */
export function renderPage(res: Response, view: string, context: Record<string, unknown> = {}): void {
  res.render(view, context);
}

/**
 * After a POST the browser is sent on with 303, so that refreshing does not send the form again. The
 * session is saved first: express-session would otherwise save it while the browser is already
 * following the redirect, and the next page would not yet see what this one stored.
 */
export async function redirectTo(req: Request, res: Response, path: string): Promise<void> {
  const session = (req as Partial<PageRequest>).session;
  if (session)
    await new Promise<void>((resolve, reject) =>
      session.save((error) => (error ? reject(error) : resolve())),
    );
  res.redirect(303, path);
}

/** A local path only: an address from a query string or a form is never followed off the site. */
export function safeLocalPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string') return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  return candidate;
}
