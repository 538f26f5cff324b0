import { Body, Get, Injectable, Module, Post, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import type { QueryRunner } from 'typeorm';
import { Client } from 'pg';
import { IsEmail, IsString } from 'class-validator';
import type { Browser } from 'playwright-core';
import { loadConfig, PlatformModule, ServiceConfig } from '@mash/platform';
import {
  CreateWebSessions1764800000000,
  PageController,
  PageRequest,
  PageRoles,
  PublicPage,
  redirectTo,
  validateForm,
  WebModule,
} from '@mash/web';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  signInForDevelopment,
} from '../../../test-support/browser';
import { startIdentityProvider, TestIdentityProvider } from '../../../test-support/oidc';
import { TEST_DB_PREFIX, TEST_PORT_BASE } from '../../../test-support/env';

/** The web kit on its own: a sample service with one form, its own database, a real browser and a real IdP. */
const PORT = TEST_PORT_BASE + 90;
const BASE = `http://127.0.0.1:${PORT}`;
const DATABASE = `${TEST_DB_PREFIX}_web_kit`;
const ADMIN = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

class SampleEmail {
  @IsString() @IsEmail() email!: string;
}
class SampleRequest {
  referrer!: SampleEmail;
}
// Nested as the portal's are: `referrer.email`, so the error summary links to `#referrer-email`.
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
Type(() => SampleEmail)(SampleRequest.prototype, 'referrer');
ValidateNested()(SampleRequest.prototype, 'referrer');

@Injectable()
class SampleService {
  sent = 0;
  send(): string {
    this.sent += 1;
    return `SAMPLE-${this.sent}`;
  }
}

@PageController()
class SamplePages {
  constructor(private readonly service: SampleService) {}

  @Get()
  @PageRoles('decision-maker')
  home(@Res() res: Response) {
    res.render('sample.njk', { values: {} });
  }

  @Post('sample')
  @PageRoles('decision-maker')
  async send(@Req() req: PageRequest, @Res() res: Response, @Body() body: Record<string, string>) {
    const result = await validateForm(
      SampleRequest,
      { referrer: { email: body.email } },
      {
        'referrer.email': 'Enter an email address in the correct format, like name@example.com',
      },
    );
    if (!result.ok) return res.status(400).render('sample.njk', { values: body, errors: result.errors });
    req.session.flash = [{ type: 'success', text: 'Sent' }];
    res.render('sample.njk', { sent: this.service.send() });
  }

  @Get('public')
  @PublicPage()
  open(@Req() req: PageRequest, @Res() res: Response) {
    return redirectTo(req, res, '/sign-in');
  }

  @Get('broken')
  @PageRoles('decision-maker')
  broken(): never {
    throw new Error('an internal detail that must not reach the page');
  }
}

function sampleModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({ service: 'web-kit-test', config }),
      TypeOrmModule.forRoot({ type: 'postgres', url: config.DATABASE_URL }),
      WebModule.forRoot({
        service: 'web-kit-test',
        config,
        hubName: 'Test MASH',
        serviceName: 'Sample pages',
        viewRoots: [`${__dirname}/views`],
      }),
    ],
    controllers: [SamplePages],
    providers: [SampleService],
  })
  class SampleModule {}
  return SampleModule;
}

async function freshDatabase(): Promise<string> {
  const admin = new Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = ADMIN.replace(/\/[^/]*$/, `/${DATABASE}`);
  const db = new Client({ connectionString: url });
  await db.connect();
  await new CreateWebSessions1764800000000().up({
    query: (sql: string) => db.query(sql),
  } as unknown as QueryRunner);
  await db.end();
  return url;
}

async function startSample(extra: Record<string, string> = {}): Promise<INestApplication> {
  const env: Record<string, string> = {
    PORT: String(PORT),
    DATABASE_URL: await freshDatabase(),
    AMQP_URL: 'amqp://unused',
    AUTH_DEV_SECRET: 'web-kit-test-development-secret',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...extra,
  };
  for (const [name, value] of Object.entries(env)) if (value === '') delete env[name];
  const config = loadConfig(ServiceConfig, env);
  const app = await NestFactory.create<NestExpressApplication>(sampleModule(config), {
    bodyParser: false,
    abortOnError: false,
  });
  if (process.env.DEBUG_PAGES) {
    app.use((req: any, res: any, next: any) => {
      const started = Date.now();
      console.log('START', req.method, req.url, req.headers.cookie?.slice(0, 30));
      res.on('finish', () => console.log('END', req.method, req.url, res.statusCode, Date.now() - started));
      res.on('close', () => console.log('CLOSE', req.method, req.url, res.statusCode, Date.now() - started));
      next();
    });
  }
  await app.listen(PORT, '127.0.0.1');
  return app;
}

describe('the web kit (a real browser, database and identity provider)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('with the development sign-in', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await startSample();
    });
    afterAll(async () => {
      await app?.close();
    });

    it('sends a person who is not signed in to sign in, and back to the page they asked for afterwards', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${BASE}/`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expectAccessible(page, 'web-kit', 'sign-in');

      // A mistake: no role and no name. The summary links to each field and what was typed is kept.
      await page.getByLabel('Your name').fill('   ');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(
        page.getByRole('alert').getByRole('link', { name: 'Select the role you are signing in as' }).count(),
      ).resolves.toBe(1);
      expect(await page.title()).toMatch(/^Error: Sign in – Sample pages – Test MASH$/);
      expect(
        await page
          .locator('.govuk-error-summary a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).toEqual(['#role', '#name']);
      await expectAccessible(page, 'web-kit', 'sign-in-errors');

      await signInForDevelopment(page, BASE, { role: 'decision-maker', name: 'Dee Maker' });
      expect(new URL(page.url()).pathname).toBe('/');
      await expect(page.getByTestId('signed-in').textContent()).resolves.toBe('Dee Maker');
      await expect(page.getByRole('link', { name: 'Sign out' }).count()).resolves.toBe(1);
      await expectAccessible(page, 'web-kit', 'signed-in');
      await context.close();
    });

    it('keeps what was typed and links the error summary to the field, then shows the confirmation panel', async () => {
      const context = await newContext(browser, { javaScript: false });
      const page = await context.newPage();
      await signInForDevelopment(page, BASE, { role: 'decision-maker', name: 'Dee Maker' });
      await page.getByLabel('Email address').fill('not-an-email');
      await page.getByRole('button', { name: 'Send' }).click();
      expect(await page.getByLabel('Email address').inputValue()).toBe('not-an-email');
      const link = page.locator('.govuk-error-summary a');
      expect(await link.getAttribute('href')).toBe('#referrer-email');
      expect(await page.locator('#referrer-email-error').textContent()).toContain(
        'Enter an email address in the correct format',
      );
      await screenshot(page, 'web-kit', 'form-errors-without-javascript');
      await page.getByLabel('Email address').fill('ann@example.org');
      await page.getByRole('button', { name: 'Send' }).click();
      expect(await page.locator('.govuk-panel__title').textContent()).toContain('Sample sent');
      await screenshot(page, 'web-kit', 'form-sent-without-javascript');
      await context.close();
    });

    it('passes axe on a form with errors and on its confirmation', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInForDevelopment(page, BASE, { role: 'decision-maker', name: 'Dee Maker' });
      await page.getByLabel('Email address').fill('not-an-email');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      // GOV.UK Frontend moves focus to the error summary, so a screen reader announces it first.
      expect(await page.locator(':focus').getAttribute('class')).toContain('govuk-error-summary');
      await expectAccessible(page, 'web-kit', 'form-errors');
      await page.getByLabel('Email address').fill('ann@example.org');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('.govuk-panel').waitFor();
      await expectAccessible(page, 'web-kit', 'form-sent');
      await context.close();
    });

    it('sets a signed, HttpOnly, SameSite=Lax session cookie and strict, no-store headers with a script nonce', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInForDevelopment(page, BASE, { role: 'decision-maker', name: 'Dee Maker' });
      const [cookie] = await context.cookies();
      expect(cookie).toMatchObject({
        name: 'mash.web-kit-test.sid',
        httpOnly: true,
        sameSite: 'Lax',
        secure: false,
      });
      expect(decodeURIComponent(cookie.value)).toMatch(/^s:[^.]+\.[A-Za-z0-9+/=_-]+$/);
      const response = await page.goto(`${BASE}/`);
      const headers = response!.headers();
      expect(headers['cache-control']).toBe('no-store');
      const csp = headers['content-security-policy'];
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      // The template's one inline script carries this response's nonce; the nonce changes per response.
      // (A browser hides the nonce attribute from the DOM; its `nonce` property still holds it.)
      expect(
        await page
          .locator('script:not([src])')
          .first()
          .evaluate((script) => (script as unknown as { nonce: string }).nonce),
      ).toBe(nonce);
      const again = await page.goto(`${BASE}/`);
      expect(/'nonce-([^']+)'/.exec(again!.headers()['content-security-policy'])?.[1]).not.toBe(nonce);
      // GOV.UK Frontend is served by the service itself: its CSS, fonts and JavaScript.
      for (const asset of [
        '/assets/govuk-frontend.min.css',
        '/assets/govuk-frontend.min.js',
        '/assets/fonts/bold-b542beb274-v2.woff2',
        '/assets/mash/init.js',
      ]) {
        expect((await context.request.get(`${BASE}${asset}`)).status()).toBe(200);
      }
      // JavaScript ran: GOV.UK Frontend marked the body as supported.
      expect(await page.locator('body.govuk-frontend-supported').count()).toBe(1);
      await context.close();
    });

    it('refuses a form posted without its CSRF token, and one with another session’s token', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInForDevelopment(page, BASE, { role: 'decision-maker', name: 'Dee Maker' });
      const withoutToken = await context.request.post(`${BASE}/sample`, {
        form: { email: 'ann@example.org' },
      });
      expect(withoutToken.status()).toBe(403);
      expect(await withoutToken.text()).toContain('Your form could not be sent');

      const other = await newContext(browser);
      const otherPage = await other.newPage();
      await signInForDevelopment(otherPage, BASE, { role: 'decision-maker', name: 'Other' });
      const otherToken = await otherPage.locator('input[name=_csrf]').inputValue();
      const crossed = await context.request.post(`${BASE}/sample`, {
        form: { email: 'ann@example.org', _csrf: otherToken },
      });
      expect(crossed.status()).toBe(403);
      await page.goto(`${BASE}/`);
      const ownToken = await page.locator('input[name=_csrf]').inputValue();
      const ok = await context.request.post(`${BASE}/sample`, {
        form: { email: 'ann@example.org', _csrf: ownToken },
      });
      expect(ok.status()).toBe(200);
      await other.close();
      await context.close();
    });

    it('shows another role "You do not have access" and a failure without its stack trace or message', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInForDevelopment(page, BASE, { role: 'social-worker', name: 'Sam Social' });
      const refused = await page.goto(`${BASE}/`);
      expect(refused!.status()).toBe(403);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'You do not have access to this page',
      );
      await expectAccessible(page, 'web-kit', 'forbidden');
      await page.getByRole('link', { name: 'Sign out' }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You have signed out');
      expect((await page.goto(`${BASE}/`))!.url()).toBe(`${BASE}/sign-in`);

      await signInForDevelopment(page, BASE, { role: 'decision-maker', name: 'Dee Maker' });
      const broken = await page.goto(`${BASE}/broken`);
      expect(broken!.status()).toBe(500);
      const html = await page.content();
      expect(html).toContain('Sorry, there is a problem with the service');
      expect(html).not.toContain('internal detail');
      expect(html).not.toMatch(/at \S+ \(.*:\d+:\d+\)/);
      await expectAccessible(page, 'web-kit', 'error');
      await context.close();
    });

    it('never follows a return address off the site', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${BASE}//evil.example/`);
      await signInForDevelopment(page, BASE, { role: 'decision-maker', name: 'Dee Maker' });
      expect(new URL(page.url()).host).toBe(`127.0.0.1:${PORT}`);
      await context.close();
    });
  });

  describe('with an OpenID Connect provider', () => {
    let app: INestApplication;
    let idp: TestIdentityProvider;
    beforeAll(async () => {
      idp = await startIdentityProvider(TEST_PORT_BASE + 91, {
        redirectUris: [`${BASE}/sign-in/callback`],
        postLogoutRedirectUris: [`${BASE}/sign-in`],
      });
      app = await startSample({
        AUTH_DEV_SECRET: '',
        AUTH_ISSUER: idp.issuer,
        AUTH_JWKS_URL: `${idp.issuer}/jwks`,
        AUTH_AUDIENCE: idp.clientId,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        PUBLIC_URL: BASE,
        SESSION_SECRET: 'a-session-secret-of-at-least-thirty-two-characters',
      });
    });
    afterAll(async () => {
      await app?.close();
      await idp?.stop();
    });

    it('signs in with the authorization code flow and PKCE, with the roles from the provider’s claims', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const authorizations: string[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith(`${idp.issuer}/auth`)) authorizations.push(request.url());
      });
      await page.goto(`${BASE}/`);
      // No development sign-in without the development issuer.
      await expect(page.getByLabel('Your name').count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByPlaceholder('Enter any login').fill('dee.maker');
      await page.getByPlaceholder('and password').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(`${BASE}/`);
      await expect(page.getByTestId('signed-in').textContent()).resolves.toBe('Dee Maker');
      const authorization = new URL(authorizations[0]);
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorization.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorization.searchParams.get('response_type')).toBe('code');
      await context.close();
    });

    it('gives a person with no role of the page "You do not have access"', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${BASE}/sign-in`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByPlaceholder('Enter any login').fill('pat.police');
      await page.getByPlaceholder('and password').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(`${BASE}/`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'You do not have access to this page',
      );
      await context.close();
    });
  });
});
