import { createTransport, Transporter } from 'nodemailer';
import { MailSender, mailOptions, OutgoingMail } from './mail-sender';

/** Sends through the mail server at SMTP_URL. */
export class SmtpMailSender extends MailSender {
  readonly description = 'smtp';
  private readonly transport: Transporter;

  constructor(url: string) {
    super();
    // No logger: nodemailer's would write addresses and subjects into the logs.
    this.transport = createTransport({ url, logger: false, debug: false });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail(mailOptions(mail));
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
