import { dirname, join } from 'node:path';
import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { RequestHandler } from 'express';
import nunjucks from 'nunjucks';
import { PageGuard } from './page.guard';
import { SignInController } from './sign-in/sign-in.controller';
import { fieldId } from './form-errors';
import { londonDate, londonDateTime } from './view-filters';
import { createSessionMiddleware } from './web-session';
import { WEB_OPTIONS, WebOptions } from './web.options';

const GOVUK_FRONTEND = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
/** The kit's own views (layout, sign-in, errors) and assets, beside src/ and dist/ alike. */
const KIT_ROOT = join(__dirname, '..');

/**
 * The web kit every page-serving service imports: Nunjucks views with GOV.UK Frontend (its CSS, fonts
 * and JavaScript served by the service itself under /assets), sessions, CSRF, security headers,
 * sign-in and sign-out. The JSON API is untouched: its routes still need bearer tokens.
 */
@Global()
@Module({})
export class WebModule implements NestModule, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('pages');
  private readonly sessions: ReturnType<typeof createSessionMiddleware>;

  constructor(
    @Inject(WEB_OPTIONS) private readonly options: WebOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.sessions = createSessionMiddleware(options.service, options.config, (error) =>
      // The store's own errors can quote a session; only their name and code are logged.
      this.logger.error(
        `session store: ${(error as Error)?.name ?? 'error'} ${(error as { code?: string })?.code ?? ''}`,
      ),
    );
  }

  static forRoot(options: WebOptions): DynamicModule {
    return {
      module: WebModule,
      controllers: [SignInController],
      providers: [{ provide: WEB_OPTIONS, useValue: options }, PageGuard],
      exports: [WEB_OPTIONS, PageGuard],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    const sessions = this.sessions.middleware;
    // API calls carry a bearer token and never a session, and assets need none: they skip the store.
    const pageSession: RequestHandler = (req, res, next) =>
      req.headers.authorization || req.path.startsWith('/assets/') ? next() : sessions(req, res, next);
    consumer.apply(pageSession).forRoutes('*');
  }

  onModuleInit() {
    const app = this.adapterHost.httpAdapter.getInstance<express.Express>();
    const environment = nunjucks.configure(
      [...this.options.viewRoots, join(KIT_ROOT, 'views'), GOVUK_FRONTEND],
      { autoescape: true, express: app, throwOnUndefined: false },
    );
    environment.addGlobal('hubName', this.options.hubName);
    environment.addGlobal('serviceName', this.options.serviceName);
    environment.addGlobal('serviceUrl', this.options.serviceUrl ?? '/');
    environment.addFilter('londonDateTime', londonDateTime);
    environment.addFilter('londonDate', londonDate);
    environment.addFilter('fieldId', fieldId);
    app.set('view engine', 'njk');
    const assets = { immutable: false, maxAge: '1h', index: false, fallthrough: true };
    app.use('/assets', express.static(join(GOVUK_FRONTEND, 'govuk', 'assets'), assets));
    app.use('/assets', express.static(join(GOVUK_FRONTEND, 'govuk'), { ...assets, extensions: [] }));
    app.use('/assets/mash', express.static(join(KIT_ROOT, 'assets'), assets));
  }

  async onModuleDestroy() {
    await this.sessions.close();
  }
}
