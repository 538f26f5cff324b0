import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import * as amqp from 'amqplib';
import { ConfigurationError, ServiceConfig } from '@mash/platform';

/** TLS for an `amqps://` broker URL: a private CA and, optionally, a client certificate. */
export interface AmqpTlsOptions {
  ca?: Buffer[];
  cert?: Buffer;
  key?: Buffer;
}

/** Reads the TLS files named by the configuration; a file that cannot be read stops start-up, naming it. */
export function amqpTlsOptions(config: ServiceConfig): AmqpTlsOptions {
  const read = (variable: 'AMQP_TLS_CA_FILE' | 'AMQP_TLS_CERT_FILE' | 'AMQP_TLS_KEY_FILE') => {
    const file = config[variable];
    if (!file) return undefined;
    try {
      return readFileSync(file);
    } catch {
      throw new ConfigurationError([variable], `${variable}: cannot read the file`);
    }
  };
  const ca = read('AMQP_TLS_CA_FILE');
  const cert = read('AMQP_TLS_CERT_FILE');
  const key = read('AMQP_TLS_KEY_FILE');
  if (!!cert !== !!key) {
    throw new ConfigurationError(
      ['AMQP_TLS_CERT_FILE', 'AMQP_TLS_KEY_FILE'],
      'AMQP_TLS_CERT_FILE and AMQP_TLS_KEY_FILE go together',
    );
  }
  return { ...(ca ? { ca: [ca] } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}

/**
 * One AMQP connection with a confirm channel, reopened with back-off whenever the broker goes away.
 * `onReady` runs after every (re)connection, so a consumer can start consuming again.
 */
export class ManagedAmqpConnection {
  private connection?: amqp.ChannelModel;
  private channel?: amqp.ConfirmChannel;
  private closing = false;
  private connecting?: Promise<void>;
  private reconnectTimer?: NodeJS.Timeout;
  private failures = 0;
  private readonly logger: Logger;

  constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly onReady: (channel: amqp.ConfirmChannel) => Promise<void> = async () => undefined,
    private readonly tls: AmqpTlsOptions = {},
  ) {
    this.logger = new Logger(`amqp:${name}`);
  }

  get isConnected(): boolean {
    return !!this.channel;
  }

  /** Resolves once connected; keeps retrying in the background if the first attempt fails. */
  async start(): Promise<void> {
    this.closing = false;
    await this.connect();
  }

  current(): amqp.ConfirmChannel {
    if (!this.channel) throw new Error(`broker connection ${this.name} is not open`);
    return this.channel;
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    try {
      const connection = await amqp.connect(this.url, {
        ...this.tls,
        clientProperties: { connection_name: this.name },
      });
      connection.on('error', (error: Error) => this.logger.warn(`connection error: ${error.name}`));
      connection.on('close', () => this.lost());
      const channel = await connection.createConfirmChannel();
      channel.on('error', (error: Error) =>
        this.logger.warn(`channel error: ${error.message.split(';')[0]}`),
      );
      channel.on('close', () => {
        if (this.channel === channel) this.channel = undefined;
        if (!this.closing) connection.close().catch(() => undefined);
      });
      this.connection = connection;
      this.channel = channel;
      await this.onReady(channel);
      this.failures = 0;
      this.logger.log('connected');
    } catch (error) {
      this.failures += 1;
      // Every failure while the broker is away would be one line a second per connection: say it once,
      // then again only as the back-off grows.
      if (isPowerOfTwo(this.failures)) {
        this.logger.warn(
          `cannot connect (${error instanceof Error ? error.message.split(':')[0] : 'error'}); ` +
            `retrying within ${(this.reconnectDelay() / 1000).toFixed(1)} s (attempt ${this.failures})`,
        );
      }
      this.channel = undefined;
      await this.connection?.close().catch(() => undefined);
      this.connection = undefined;
      this.scheduleReconnect();
    }
  }

  private lost() {
    this.channel = undefined;
    this.connection = undefined;
    if (this.closing) return;
    this.logger.warn('connection lost; reconnecting');
    this.scheduleReconnect();
  }

  /**
   * 0.5 s, doubling after each failed attempt, at most 5 s, with jitter: back within seconds of the
   * broker, however long it was away, and no storm of reconnections while it is down.
   */
  private reconnectDelay(): number {
    const capped = Math.min(5_000, 500 * 2 ** Math.max(0, this.failures - 1));
    return Math.round(capped * (0.75 + Math.random() * 0.25));
  }

  private scheduleReconnect(delay = this.reconnectDelay()) {
    if (this.closing || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await this.connecting?.catch(() => undefined);
    const connection = this.connection;
    this.channel = undefined;
    this.connection = undefined;
    await connection?.close().catch(() => undefined);
  }
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
