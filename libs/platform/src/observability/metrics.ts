import { Controller, Get, Header, Injectable, NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
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

export const messageRetries = new Counter({
  name: 'mash_message_retries_total',
  help: 'Messages parked in a retry queue, by queue and failure code (database-unavailable, arrived-early, ...)',
  labelNames: ['queue', 'code'],
  registers: [metricsRegistry],
});

export const deadLetters = new Counter({
  name: 'mash_dead_letters_total',
  help: 'Messages put in a dead-letter queue, by queue and failure code',
  labelNames: ['queue', 'code'],
  registers: [metricsRegistry],
});

export const redeliveries = new Counter({
  name: 'mash_message_redeliveries_total',
  help: 'Messages the broker delivered again (a consumer died or lost its connection before acknowledging)',
  labelNames: ['queue'],
  registers: [metricsRegistry],
});

export const handlerDuration = new Histogram({
  name: 'mash_message_handler_duration_seconds',
  help: 'Time from delivery to settlement of a message, by queue, type and outcome',
  labelNames: ['queue', 'type', 'outcome'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Set by the outbox relay from its own table each time /metrics is read. */
export const outboxBacklog = new Gauge({
  name: 'mash_outbox_unpublished_messages',
  help: 'Outbox rows committed but not yet confirmed by the broker',
  registers: [metricsRegistry],
});

export const outboxOldestAge = new Gauge({
  name: 'mash_outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest outbox row not yet confirmed by the broker (0 when none)',
  registers: [metricsRegistry],
});

/** What each process registers to refresh its gauges before a scrape (the outbox relay reads its table). */
const beforeScrape: (() => Promise<void>)[] = [];
export function onMetricsScrape(refresh: () => Promise<void>): void {
  beforeScrape.push(refresh);
}

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
  async metrics(): Promise<string> {
    // A gauge that cannot be read (the database is away) keeps its last value; the scrape still answers.
    await Promise.all(beforeScrape.map((refresh) => refresh().catch(() => undefined)));
    return metricsRegistry.metrics();
  }
}
