import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toProblem } from '@mash/platform';
import { CsrfTokenError, SignInRequiredError } from './page.guard';

interface ErrorPage {
  title: string;
  body: string[];
}

const PAGES: Record<number, ErrorPage> = {
  400: {
    title: 'Sorry, there is a problem with your request',
    body: ['Go back and check what you entered.'],
  },
  403: {
    title: 'You do not have access to this page',
    body: ['You are signed in with a role that cannot see this page. Ask your manager if you need access.'],
  },
  404: {
    title: 'Page not found',
    body: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  409: {
    title: 'This could not be done',
    body: ['The record has changed since you opened it. Go back, reload the page and try again.'],
  },
  503: {
    title: 'Sorry, the service is unavailable',
    body: ['Try again in a few minutes. Nothing you sent has been lost.'],
  },
  500: {
    title: 'Sorry, there is a problem with the service',
    body: ['Try again later. If a child is in immediate danger, call 999.'],
  },
};

/**
 * Errors on pages become GOV.UK error pages: never a stack trace or an internal message. A page that
 * needs sign-in sends the person to sign in; a form without its CSRF token says the form expired.
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('pages');

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response.setHeader('Cache-Control', 'no-store');
    if (exception instanceof SignInRequiredError) {
      response.redirect(303, '/sign-in');
      return;
    }
    if (exception instanceof CsrfTokenError) {
      response.status(403).render('error.njk', {
        title: 'Your form could not be sent',
        body: [
          'The page you sent it from had expired, or the form did not come from this service.',
          'Go back, reload the page and send it again.',
        ],
      });
      return;
    }
    const problem = toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error(`page failed: ${exception instanceof Error ? exception.name : 'error'}`);
    }
    const page = PAGES[problem.status] ?? (problem.status >= 500 ? PAGES[500] : PAGES[400]);
    // A domain rule's detail is written for the person and carries no personal data (platform's DomainError).
    const detail =
      problem.status >= 400 && problem.status < 500 && problem.status !== 404 ? problem.detail : undefined;
    response.status(problem.status).render('error.njk', { ...page, detail });
  }
}
