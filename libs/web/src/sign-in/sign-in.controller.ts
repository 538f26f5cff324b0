import { createHash } from 'node:crypto';
import { Body, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AGENCIES, Agency, STAFF_ROLES, StaffRole } from '@mash/contracts';
import type { Principal } from '@mash/platform';
import { validateForm } from '../form-errors';
import { PageController, PublicPage } from '../page.decorators';
import { PageRequest, redirectTo, safeLocalPath } from '../page-result';
import { WEB_OPTIONS, WebOptions } from '../web.options';
import { DEVELOPMENT_SIGN_IN_MESSAGES, DevelopmentSignInRequest } from './development-sign-in.request';
import { OidcSignIn } from './oidc-sign-in';

const ROLE_NAMES: Record<StaffRole, string> = {
  'contact-officer': 'Contact officer',
  'social-worker': 'Social worker',
  'decision-maker': 'Decision maker',
  'team-manager': 'Team manager',
  'agency-practitioner': 'Agency practitioner',
  'agency-records-admin': 'Agency records administrator',
  'hub-operator': 'Hub operator',
  auditor: 'Auditor',
};

/** `/sign-in` and `/sign-out` (API.md "Pages"), the same on every service that serves pages. */
@PageController()
@PublicPage()
export class SignInController {
  private readonly oidc?: OidcSignIn;
  private readonly developmentSignIn: boolean;

  constructor(@Inject(WEB_OPTIONS) private readonly options: WebOptions) {
    if (OidcSignIn.isConfigured(options.config)) this.oidc = new OidcSignIn(options.config);
    // loadConfig already refuses AUTH_DEV_SECRET in production; this says so again where it matters.
    this.developmentSignIn =
      Boolean(options.config.AUTH_DEV_SECRET) && options.config.NODE_ENV !== 'production';
  }

  @Get('sign-in')
  signInPage(@Req() req: PageRequest, @Res() res: Response) {
    if (req.session.principal) return redirectTo(req, res, this.home(req));
    res.render('sign-in.njk', this.signInContext({ values: {} }));
  }

  @Get('sign-in/oidc')
  async startOidc(@Req() req: PageRequest, @Res() res: Response) {
    if (!this.oidc) return res.status(404).render('error.njk', { title: 'Page not found', body: [] });
    const start = await this.oidc.start();
    req.session.oidc = { codeVerifier: start.codeVerifier, state: start.state, nonce: start.nonce };
    await redirectTo(req, res, start.url);
  }

  @Get('sign-in/callback')
  async finishOidc(@Req() req: PageRequest, @Res() res: Response) {
    const expected = req.session.oidc;
    if (!this.oidc || !expected) return redirectTo(req, res, '/sign-in');
    let result: Awaited<ReturnType<OidcSignIn['finish']>>;
    try {
      result = await this.oidc.finish(req.originalUrl, expected);
    } catch {
      req.session.oidc = undefined;
      return res.status(400).render('sign-in.njk', {
        ...this.signInContext({ values: {} }),
        failed: 'Sign-in did not complete. Try again.',
      });
    }
    await this.startSession(req, result.principal, result.idToken);
    await redirectTo(req, res, this.home(req));
  }

  @Post('sign-in/development')
  async developmentSignInPost(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    if (!this.developmentSignIn)
      return res.status(404).render('error.njk', { title: 'Page not found', body: [] });
    const values = {
      role: body.role,
      agency: body.role === 'agency-practitioner' ? body.agency : undefined,
      name: body.name?.trim(),
    };
    const result = await validateForm(DevelopmentSignInRequest, values, DEVELOPMENT_SIGN_IN_MESSAGES);
    if (!result.ok) {
      return res
        .status(400)
        .render('sign-in.njk', this.signInContext({ values: body, errors: result.errors }));
    }
    const { role, agency, name } = result.value;
    const principal: Principal = {
      // An id, never the name: audit entries carry the id (platform's Principal).
      id: `dev-${createHash('sha256')
        .update(`${role}|${agency ?? ''}|${name}`)
        .digest('hex')
        .slice(0, 16)}`,
      name,
      roles: [role as StaffRole],
      agency: agency as Agency | undefined,
    };
    await this.startSession(req, principal);
    await redirectTo(req, res, this.home(req));
  }

  @Get('sign-out')
  async signOut(@Req() req: PageRequest, @Res() res: Response) {
    const idToken = req.session.idToken;
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie(`mash.${this.options.service}.sid`);
    const signedOut = this.options.config.PUBLIC_URL
      ? new URL('/sign-in', this.options.config.PUBLIC_URL).toString()
      : '/sign-in';
    const providerSignOut =
      this.oidc && idToken
        ? await this.oidc.signOutUrl(idToken, signedOut).catch(() => undefined)
        : undefined;
    if (providerSignOut) return res.redirect(303, providerSignOut);
    res.render('signed-out.njk');
  }

  /** A new session id on sign-in, so an id planted before sign-in is worth nothing after it. */
  private async startSession(req: PageRequest, principal: Principal, idToken?: string) {
    const returnTo = req.session.returnTo;
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((error) => (error ? reject(error) : resolve())),
    );
    req.session.principal = principal;
    req.session.idToken = idToken;
    req.session.returnTo = returnTo;
  }

  private home(req: PageRequest): string {
    const returnTo = req.session.returnTo;
    req.session.returnTo = undefined;
    return safeLocalPath(returnTo, this.options.homePath ?? '/');
  }

  private signInContext(extra: Record<string, unknown>) {
    return {
      oidc: Boolean(this.oidc),
      development: this.developmentSignIn,
      roles: STAFF_ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role] })),
      agencies: AGENCIES.map((agency) => ({
        value: agency,
        text: agency.charAt(0).toUpperCase() + agency.slice(1),
      })),
      ...extra,
    };
  }
}
