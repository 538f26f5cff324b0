import { DynamicModule, Global, Module } from '@nestjs/common';
import type { ServiceName } from '@mash/contracts';
import type { ServiceConfig } from '@mash/platform';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { Outbox, OutboxRelay } from './outbox';
import { loadMessageSigner } from './message-signing';
import { amqpTlsOptions } from './amqp-connection';

/** The outbox and its relay; the consumer is connected by startService. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(
    service: ServiceName,
    config: ServiceConfig,
    overrides: Partial<MessagingOptions> = {},
  ): DynamicModule {
    const options: MessagingOptions = {
      service,
      amqpUrl: config.AMQP_URL,
      prefetch: config.AMQP_PREFETCH,
      outboxPollMs: config.OUTBOX_POLL_MS,
      publish: true,
      signer: loadMessageSigner(service, config),
      tls: amqpTlsOptions(config),
      ...overrides,
    };
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, OutboxRelay, Outbox],
      exports: [Outbox, OutboxRelay, MESSAGING_OPTIONS],
    };
  }
}
