import { readFileSync } from 'node:fs';
import { createTransport, Transporter } from 'nodemailer';
import { MailSender, mailOptions, OutgoingMail } from './mail-sender';

export interface SmtpOptions {
  /** Never send in clear: a server that does not offer STARTTLS fails the attempt (SMTP_REQUIRE_TLS). */
  requireTls?: boolean;
  /** PEM certificate authorities to trust (SMTP_TLS_CA_FILE), for a server with a private CA. */
  caFile?: string;
  /** Connection, greeting and reply timeout (SMTP_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Sends through the mail server at SMTP_URL: smtps:// is TLS from the start; smtp:// upgrades with STARTTLS when offered. */
export class SmtpMailSender extends MailSender {
  readonly description: string;
  private readonly transport: Transporter;

  constructor(url: string, options: SmtpOptions = {}) {
    super();
    const timeout = options.timeoutMs ?? 30_000;
    this.description = options.requireTls ? 'smtp (TLS required)' : 'smtp (STARTTLS when offered)';
    // No logger: nodemailer's would write addresses and subjects into the logs. Short timeouts: the
    // dispatcher holds the notification's row lock while it sends, and a hung server must not keep it
    // for nodemailer's default ten minutes (a timed-out email is retried with back-off, with the same
    // Message-ID). nodemailer uses STARTTLS whenever the server offers it; requireTLS refuses to go on
    // without it, and the certificate is always verified.
    this.transport = createTransport({
      url,
      logger: false,
      debug: false,
      requireTLS: options.requireTls === true,
      tls: {
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        ...(options.caFile ? { ca: readFileSync(options.caFile) } : {}),
      },
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail(mailOptions(mail));
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
