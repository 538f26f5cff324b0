import { Injectable, NestMiddleware } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { contextFromHeaders, tracer } from './tracing';

/** A server span per request, continuing an incoming `traceparent`. Attributes: method, route, status. */
@Injectable()
export class TracingMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction) {
    const parent = contextFromHeaders(request.headers as Record<string, unknown>);
    const span = tracer().startSpan(`HTTP ${request.method}`, { kind: SpanKind.SERVER }, parent);
    response.on('finish', () => {
      const route = request.route?.path as string | undefined;
      if (route) span.updateName(`HTTP ${request.method} ${route}`);
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  }
}
