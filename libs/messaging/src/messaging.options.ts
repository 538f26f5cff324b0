import type { ServiceName } from '@mash/contracts';
import type { MessageSigner } from './message-signing';
import type { AmqpTlsOptions } from './amqp-connection';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  service: ServiceName;
  amqpUrl: string;
  /** How many unacknowledged messages the consumer holds at once. */
  prefetch: number;
  outboxPollMs: number;
  /** False in a process that only reads (a CLI): the relay does not connect. */
  publish: boolean;
  /** Present when the service publishes signed messages (check.responded). */
  signer?: MessageSigner;
  /** For an amqps:// broker: CA and client certificate (AMQP_TLS_*). */
  tls?: AmqpTlsOptions;
}
