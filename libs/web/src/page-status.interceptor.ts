import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';

/**
 * A page answers 200 whatever its method: Nest would answer a POST with 201, but a form that is shown
 * again (with its errors, or a confirmation) is a page, not a created resource. Redirects and errors
 * set their own status afterwards.
 */
@Injectable()
export class PageStatusInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    if (response.statusCode === 201) response.status(200);
    return next.handle();
  }
}
