import {
  context,
  propagation,
  trace,
  Context,
  Span,
  SpanKind,
  SpanStatusCode,
  Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

let provider: NodeTracerProvider | undefined;

/**
 * Configures the OpenTelemetry SDK once per process. Spans are exported over OTLP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; the W3C `traceparent` is propagated either way, so one trace
 * follows a contact across services. Span attributes carry ids only.
 */
export function startTracing(serviceName: string, extraProcessors: SpanProcessor[] = []): void {
  if (provider) return;
  const processors = [...extraProcessors];
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    // Loaded only when spans are exported: the exporter and its dependencies are some 200 modules that
    // every start would otherwise read from disk (issue 14: restarted fast).
    const { OTLPTraceExporter } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
}

export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}

export function tracer(): Tracer {
  return trace.getTracer('mash-hub');
}

/** The carrier headers (`traceparent`, `tracestate`) for the active context. */
export function currentTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

export function contextFromHeaders(headers: Record<string, unknown> | undefined): Context {
  const carrier: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') carrier[key] = value;
    else if (Buffer.isBuffer(value)) carrier[key] = value.toString();
  }
  return propagation.extract(context.active(), carrier);
}

/** Runs `work` inside a span that ends with it, recording failure without the error's text. */
export async function withSpan<T>(
  name: string,
  options: { kind?: SpanKind; parent?: Context; attributes?: Record<string, string | number | boolean> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}
