import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { MailSender, mailOptions, OutgoingMail } from './mail-sender';

/**
 * With no mail server configured (a local run, a demo), each email is built exactly as it would be sent
 * and written into a folder instead: `<id>.eml` (open it in any mail client) and `<id>.pdf` (the letter).
 */
export class OutboxFolderMailSender extends MailSender {
  readonly description = 'outbox-folder';
  private readonly transport: Transporter;

  constructor(private readonly folder: string) {
    super();
    this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail(mailOptions(mail))) as { message: Buffer };
    await mkdir(this.folder, { recursive: true });
    // The .eml is the email itself, so it is written last: once it exists, the PDF beside it is complete.
    if (mail.attachment)
      await writeAtomically(join(this.folder, `${mail.notificationId}.pdf`), mail.attachment.pdf);
    await writeAtomically(join(this.folder, `${mail.notificationId}.eml`), info.message);
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** Write then rename, so a crash never leaves half a file under the final name. */
async function writeAtomically(path: string, content: Buffer): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, content);
  await rename(partial, path);
}
