import { Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest turns a handler's exception into a generic RPC error; the transport needs the original to
 * tell a permanent failure (dead-letter now) from a transient one (retry with back-off).
 */
@Catch()
export class RpcPassThroughFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
