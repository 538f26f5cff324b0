import { createTransport, Transporter } from 'nodemailer';
import { MailSender, mailOptions, OutgoingMail } from './mail-sender';

/** Sends through the mail server at SMTP_URL. */
export class SmtpMailSender extends MailSender {
  readonly description = 'smtp';
  private readonly transport: Transporter;

  constructor(url: string) {
    super();
    // No logger: nodemailer's would write addresses and subjects into the logs. Short timeouts: the
    // dispatcher holds the notification's row lock while it sends, and a hung server must not keep it
    // for nodemailer's default ten minutes (a timed-out email is retried with back-off).
    this.transport = createTransport({
      url,
      logger: false,
      debug: false,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail(mailOptions(mail));
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
