import {
  applyDecorators,
  Controller,
  SetMetadata,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@mash/platform';
import { PageExceptionFilter } from './page-exception.filter';
import { PageGuard } from './page.guard';
import { PageStatusInterceptor } from './page-status.interceptor';
import { PAGE_ROLES, PUBLIC_PAGE } from './page-metadata';

/**
 * A controller of HTML pages. Pages are signed in by session cookie, not bearer token (so the API's
 * guard lets them through and the PageGuard decides), every form is CSRF-checked, errors are rendered
 * as pages without a stack trace, and the routes stay out of the OpenAPI document.
 */
export function PageController(prefix = ''): ClassDecorator {
  return applyDecorators(
    Controller(prefix),
    Public(),
    UseGuards(PageGuard),
    UseInterceptors(PageStatusInterceptor),
    UseFilters(PageExceptionFilter),
    ApiExcludeController(),
  );
}

/** A page anyone may use without signing in (the referral portal). Its forms are still CSRF-checked. */
export const PublicPage = () => SetMetadata(PUBLIC_PAGE, true);

/** The roles that may open a page; anyone else signed in sees "You do not have access". */
export const PageRoles = (...roles: string[]) => SetMetadata(PAGE_ROLES, roles);
