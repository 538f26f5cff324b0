import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { trace } from '@opentelemetry/api';

/**
 * Structured JSON logs. They carry ids and codes, never names, dates of birth, addresses or free
 * text (DESIGN.md, Security): callers pass only identifiers, and the redaction below is a second net.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers',
        '*.headers',
        'body',
        '*.body',
        'givenName',
        'familyName',
        'dateOfBirth',
        'address',
        'email',
        '*.givenName',
        '*.familyName',
        '*.dateOfBirth',
        '*.address',
        '*.email',
      ],
      censor: '[redacted]',
    },
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { traceId: span.traceId, spanId: span.spanId } : {};
    },
  });
}

/** Nest's own messages through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, stack: trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
