import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import express, { Response } from 'express';
import { csrfSync } from 'csrf-sync';
import type { Principal } from '@mash/platform';
import { PAGE_ROLES, PUBLIC_PAGE } from './page-metadata';
import type { PageRequest } from './page-result';
import { WEB_OPTIONS, WebOptions } from './web.options';
import { setPageHeaders } from './page-headers';

/** Thrown when a page needs a signed-in person and there is none: the filter sends them to sign in. */
export class SignInRequiredError extends Error {
  constructor() {
    super('sign-in required');
    this.name = 'SignInRequiredError';
  }
}

/** A form posted without the token its page gave (or with an old one). */
export class CsrfTokenError extends ForbiddenException {
  constructor() {
    super('the form has expired or did not come from this service');
  }
}

const formParser = express.urlencoded({ extended: true, limit: '200kb', parameterLimit: 2000 });

function readForm(request: PageRequest, response: Response): Promise<void> {
  return new Promise((resolve, reject) =>
    formParser(request, response, (error) => (error ? reject(error) : resolve())),
  );
}

const csrf = csrfSync({
  getTokenFromRequest: (req) =>
    (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
});

/** The synchroniser token for the person's session, made on first use; every form posts it back as `_csrf`. */
export function csrfTokenFor(req: PageRequest): string {
  return csrf.generateToken(req);
}

/**
 * Who may see a page: the session's person, with one of the page's roles. Every request that changes
 * something must carry the session's CSRF token. Sets what every page's layout needs on `res.locals`.
 */
@Injectable()
export class PageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(WEB_OPTIONS) private readonly options: WebOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PageRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    // Form bodies are read here, for pages only: the JSON API never takes a form-encoded body, so a
    // form posted at it cannot be read as fields (or echo a field's name back in an error).
    await readForm(request, response);
    const targets = [context.getHandler(), context.getClass()];
    setPageHeaders(request, response);
    // Pages can show personal data: never kept by the browser or a proxy.
    response.setHeader('Cache-Control', 'no-store');
    if (!request.session)
      throw new ForbiddenException('pages are used from a browser, without a bearer token');

    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !csrf.isRequestValid(request)) {
      throw new CsrfTokenError();
    }
    const principal = request.session?.principal;
    if (principal) request.principal = principal;
    this.setLocals(request, response, principal);

    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_PAGE, targets)) return true;
    if (!principal) {
      if (request.method === 'GET') request.session.returnTo = request.originalUrl;
      throw new SignInRequiredError();
    }
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(PAGE_ROLES, targets);
    if (roles?.length && !roles.some((role) => (principal.roles as string[]).includes(role))) {
      throw new ForbiddenException('this page needs another role');
    }
    return true;
  }

  private setLocals(request: PageRequest, response: Response, principal: Principal | undefined) {
    response.locals.principal = principal;
    response.locals.csrfToken = csrfTokenFor(request);
    response.locals.navigation = (this.options.navigation ?? [])
      .filter(
        (link) => !link.roles || (principal && link.roles.some((r) => principal.roles.includes(r as never))),
      )
      .map((link) => ({ ...link, active: isCurrent(request.path, link.href) }));
    const flash = request.session?.flash;
    if (flash?.length) {
      response.locals.flash = flash;
      request.session.flash = [];
    }
  }
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
