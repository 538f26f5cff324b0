import { INestApplication, Type, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { queueOf, ServiceName } from '@mash/contracts';
import {
  createLogger,
  createValidationPipe,
  fillSchemasFromValidators,
  HealthRegistry,
  NestPinoLogger,
  ServiceConfig,
  startTracing,
} from '@mash/platform';
import { AmqpServer } from './amqp-server';
import { OutboxRelay } from './outbox';
import { loadSignatureVerifier } from './message-signing';
import { amqpTlsOptions } from './amqp-connection';

export interface StartServiceOptions {
  service: ServiceName;
  module: Type<unknown> | DynamicModule;
  config: ServiceConfig;
  title: string;
  description: string;
  /** Tests listen on port 0 or skip listening. */
  listen?: boolean;
}

/**
 * Starts one service: JSON logs, tracing, problem details, validation, OpenAPI at /docs, the AMQP
 * consumer for its own queue (if it has one) and the HTTP server.
 */
export async function startService(options: StartServiceOptions): Promise<INestApplication> {
  const phases: Record<string, number> = {};
  let mark = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = now - mark;
    mark = now;
  };
  startTracing(options.service);
  const logger = createLogger(options.service, options.config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  app.enableShutdownHooks();
  phase('create');

  // The consumer is connected first and shares the application's configuration: its handlers are
  // created now, and the global exception filter (ProblemDetailsFilter, an APP_FILTER) hands their
  // errors back untouched, so the transport can tell a permanent failure from a transient one.
  // Global pipes are added after it on purpose: messages are validated against the contract by the
  // transport, tolerantly, not by the HTTP validation pipe that refuses unknown fields.
  const queue = queueOf(options.service);
  let server: AmqpServer | undefined;
  if (queue) {
    server = new AmqpServer({
      amqpUrl: options.config.AMQP_URL,
      queue,
      prefetch: options.config.AMQP_PREFETCH,
      retryHorizonMs: options.config.RETRY_HORIZON_HOURS * 3_600_000,
      dataSource: app.get(DataSource),
      signatures: loadSignatureVerifier(queue, options.config),
      tls: amqpTlsOptions(options.config),
      afterCommit: () => app.get(OutboxRelay).nudgeSoon(),
    });
    const consumer = server;
    app.get(HealthRegistry).register({ name: 'broker-consumer', isHealthy: () => consumer.isConnected });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  }

  app.useGlobalPipes(createValidationPipe());
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('text', { type: ['application/x-ndjson', 'text/plain'], limit: '50mb' });

  // Built on the first request for it, not at every start: a restarted service is ready sooner.
  const document = () =>
    fillSchemasFromValidators(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle(options.title)
          .setDescription(options.description)
          .setVersion('1')
          .addBearerAuth()
          .build(),
      ),
    );
  // API.md: every service serves its OpenAPI document at /docs; the browsable UI is at /docs/ui.
  SwaggerModule.setup('docs/ui', app, document, { jsonDocumentUrl: 'docs', yamlDocumentUrl: 'docs.yaml' });
  phase('openapi');

  await app.init();
  phase('init');
  if (server) await app.startAllMicroservices();
  phase('consumer');
  if (options.listen !== false) {
    await app.listen(options.config.PORT);
    phase('listen');
    // How long start-up took, and where (issue 14: restarted fast); uptime counts loading the code too.
    logger.info(
      { port: options.config.PORT, phasesMs: phases, uptimeMs: Math.round(process.uptime() * 1000) },
      `${options.service} listening`,
    );
  }
  return app;
}
