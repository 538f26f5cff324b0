import type { SendMailOptions } from 'nodemailer';

/** One outcome email, ready to go. */
export interface OutgoingMail {
  notificationId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  date: Date;
  /** The letter, where there is one (an acknowledgement or an alert has none). */
  attachment?: { fileName: string; pdf: Buffer };
}

/**
 * Sends an email, or writes it where it would otherwise go. `send` resolves only once the mail is
 * accepted (by the server, or on disk), and rejects otherwise so the dispatcher retries it.
 */
export abstract class MailSender {
  abstract readonly description: string;
  abstract send(mail: OutgoingMail): Promise<void>;
  abstract close(): Promise<void>;
}

/**
 * The Message-ID is the notification's id, so a mail sent again after a crash (sent, but not yet
 * recorded as sent) carries the same Message-ID and the receiving side can drop the duplicate.
 */
export function messageIdOf(notificationId: string): string {
  return `<${notificationId}@mash-hub>`;
}

export function mailOptions(mail: OutgoingMail): SendMailOptions {
  return {
    messageId: messageIdOf(mail.notificationId),
    date: mail.date,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    attachments: mail.attachment
      ? [{ filename: mail.attachment.fileName, content: mail.attachment.pdf, contentType: 'application/pdf' }]
      : [],
  };
}

/**
 * What is kept of a sending failure: the error's code and the server's reply code (EENVELOPE 550), never
 * its message, which quotes the recipient's address.
 */
export function failureCode(error: unknown): string {
  // Duck-typed: an error from another realm (a library's, a test runner's) is not `instanceof Error`.
  if (typeof error !== 'object' || error === null || typeof (error as { name?: unknown }).name !== 'string')
    return 'unknown';
  const { code, responseCode, name } = error as { code?: unknown; responseCode?: unknown; name: string };
  const parts = [typeof code === 'string' ? code : name];
  if (typeof responseCode === 'number') parts.push(String(responseCode));
  return parts.join(' ').slice(0, 100);
}
