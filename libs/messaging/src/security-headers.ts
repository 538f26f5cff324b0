import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const NOTHING = ["'none'"];

/**
 * helmet's security headers on every response, with a Content-Security-Policy for a JSON API: nothing
 * may load, frame or be framed. The OpenAPI browser at /docs/ui loads its own scripts and styles, so
 * it gets those from 'self' and nothing else. `Cache-Control: no-store` on every response: an API
 * answer may carry personal data, and no browser or proxy should keep one. Pages (libs/web) set their
 * own policy with nonces on their routes, after this.
 */
export function securityHeaders(): RequestHandler {
  const common = {
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
  };
  const api = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: NOTHING, frameAncestors: NOTHING, baseUri: NOTHING, formAction: NOTHING },
    },
  });
  const docsUi = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: NOTHING,
        scriptSrc: ["'self'"],
        // Swagger UI sets style attributes as it renders.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: NOTHING,
        baseUri: NOTHING,
        formAction: NOTHING,
      },
    },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    (request.path.startsWith('/docs/ui') ? docsUi : api)(request, response, next);
  };
}
