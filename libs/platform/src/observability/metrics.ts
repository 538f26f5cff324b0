import { Controller, Get, Header, Injectable, NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { Public } from '../auth/public.decorator';

/** One registry per process; labels are route templates, types and codes, never personal data. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const httpRequests = new Histogram({
  name: 'mash_http_request_duration_seconds',
  help: 'HTTP requests by method, route template and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const messagesConsumed = new Counter({
  name: 'mash_messages_consumed_total',
  help: 'Messages taken from the broker, by type and result (handled, duplicate, retried, dead-lettered)',
  labelNames: ['type', 'result'],
  registers: [metricsRegistry],
});

export const messagesPublished = new Counter({
  name: 'mash_messages_published_total',
  help: 'Messages published from the outbox with a broker confirm, by type',
  labelNames: ['type'],
  registers: [metricsRegistry],
});

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction) {
    const end = httpRequests.startTimer();
    response.on('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Public()
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
