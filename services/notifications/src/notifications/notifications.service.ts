import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DecisionRecorded } from '@mash/contracts';
import { Clock, CLOCK, NotFoundError } from '@mash/platform';
import { NotificationsConfig } from '../config';
import { LetterFonts, loadLetterFonts } from '../letters/letter-fonts';
import { renderLetterPdf } from '../letters/letter-pdf';
import { letterFileName, outcomeEmail } from '../letters/outcome-email';
import { outcomeLetter } from '../letters/outcome-letter';
import { Notification } from './notification.entity';

/** The kinds that tell the referrer the outcome: one of them per contact, whichever way it goes. */
const OUTCOME_KINDS = ['outcome-email', 'outcome-letter'] as const;

export interface NotificationDocument {
  fileName: string;
  pdf: Buffer;
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('notifications');
  private readonly fonts: LetterFonts | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.fonts = loadLetterFonts(config.LETTER_FONT_FILE, config.LETTER_BOLD_FONT_FILE);
    if (!this.fonts)
      this.logger.warn('no TrueType font found: letters use Helvetica, which lacks some letters of names');
  }

  /**
   * Prepares the referrer's outcome notification in the message's transaction: the letter as PDF and,
   * when the referrer gave an email address, the email that will carry it (queued for the dispatcher,
   * which sends it after this commits). Without an address the letter is ready to post.
   * A contact's referrer is told its outcome once: a second decision.recorded for the same contact
   * (another message id, so not caught by the inbox) prepares nothing new.
   */
  async prepareOutcome(decision: DecisionRecorded, manager: EntityManager): Promise<void> {
    // Serialises two decisions for one contact arriving at once, so they cannot both find nothing.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `notifications:${decision.contactId}`,
    ]);
    const earlier = await manager
      .createQueryBuilder(Notification, 'n')
      .where('n.contact_id = :contactId', { contactId: decision.contactId })
      .andWhere(`n.recipient = 'referrer'`)
      .andWhere('n.kind IN (:...kinds)', { kinds: OUTCOME_KINDS })
      .getOne();
    if (earlier) {
      this.logger.log(
        `contact ${decision.contactId}: referrer already has notification ${earlier.id}; nothing new`,
      );
      return;
    }

    const now = this.clock.now();
    const letter = outcomeLetter(decision, this.config.HUB_NAME);
    const pdf = await renderLetterPdf(letter, new Date(decision.decidedAt), this.fonts);
    const base = {
      id: randomUUID(),
      contactId: decision.contactId,
      reference: decision.reference,
      recipient: 'referrer' as const,
      document: pdf,
      createdAt: now,
      sentAt: null,
      attempts: 0,
      lastError: null,
    };
    const email = decision.referrer.email;
    let delivery: Pick<
      Notification,
      'kind' | 'channel' | 'status' | 'emailTo' | 'emailSubject' | 'emailText' | 'nextAttemptAt'
    >;
    if (email) {
      const { subject, text } = outcomeEmail(decision, this.config.HUB_NAME);
      delivery = {
        kind: 'outcome-email',
        channel: 'email',
        status: 'queued',
        emailTo: email,
        emailSubject: subject,
        emailText: text,
        nextAttemptAt: now,
      };
    } else {
      // No address to send to: the letter waits to be printed and posted by the hub's staff.
      delivery = {
        kind: 'outcome-letter',
        channel: 'post',
        status: 'ready-to-post',
        emailTo: null,
        emailSubject: null,
        emailText: null,
        nextAttemptAt: null,
      };
    }
    const notification = manager.create(Notification, { ...base, ...delivery });
    // The unique (contact_id, kind, recipient) constraint is the last guard against a second one.
    await manager.createQueryBuilder().insert().into(Notification).values(notification).orIgnore().execute();
    this.logger.log(`contact ${decision.contactId}: ${notification.kind} ${notification.id} prepared`);
  }

  async listForContact(contactId: string): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({
      where: { contactId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async document(id: string): Promise<NotificationDocument> {
    const notification = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .addSelect('n.document')
      .where('n.id = :id', { id })
      .getOne();
    if (!notification) throw new NotFoundError('the notification');
    return { fileName: letterFileName(notification.reference), pdf: notification.document };
  }
}
