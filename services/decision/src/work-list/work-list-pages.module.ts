import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { FiguresModule } from '../figures/figures.module';
import { RecordsModule } from '../records/records.module';
import { WorkListChildren } from './work-list-children';
import { WorkListPages } from './work-list.pages';

/**
 * `/figures` is both the JSON figures (API.md, with a bearer token) and the figures page (a browser
 * asking for HTML, signed in by session): a browser's request is routed to the page.
 */
export function figuresPageRoute(req: Request, _res: Response, next: NextFunction): void {
  if (!req.headers.authorization && req.accepts(['application/json', 'text/html']) === 'text/html') {
    // Mounted at /figures, express may hand the middleware the path below it ('/') and restore the prefix after.
    const [path, search] = splitUrl(req.url);
    if (path === '/figures' || path === '/figures/') req.url = `/figures/page${search}`;
    else if (path === '/' || path === '') req.url = `/page${search}`;
  }
  next();
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

@Module({
  imports: [RecordsModule, FiguresModule],
  controllers: [WorkListPages],
  providers: [WorkListChildren],
})
export class WorkListPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(figuresPageRoute).forRoutes({ path: 'figures', method: RequestMethod.GET });
  }
}
