import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK } from '@mash/platform';
import { NotificationsConfig } from '../config';
import { letterFileName, summaryFileName } from '../letters/outcome-email';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { MAX_DISPATCH_ATTEMPTS, retryDelayMs } from './dispatch-backoff';
import { notificationsDispatched } from './dispatch-metrics';
import { failureCode, MailSender } from './mail-sender';

export type DispatchResult = 'sent' | 'retry' | 'failed';

/**
 * Sends queued emails, outside the transaction that received the decision (a mail server being slow or
 * down must never hold up or fail the message). Each email is sent while its row is locked
 * (FOR UPDATE SKIP LOCKED, so several instances share the work without sending one email twice), and
 * the same transaction then marks it sent and enqueues `notification.sent`. A crash between the mail
 * server's acceptance and that commit sends it once more, with the same Message-ID.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('dispatcher');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private shuttingDown = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly sender: MailSender,
    private readonly config: NotificationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    this.logger.log(`sending emails by ${this.sender.description}`);
    this.stopped = false;
    this.schedule(0);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    this.shuttingDown = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.sender.close();
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick() {
    if (this.running) return;
    this.running = this.dispatchDue()
      .then(() => undefined)
      .catch((error) => {
        this.logger.warn(`dispatching failed (${failureCode(error)}); will try again`);
      })
      .finally(() => {
        this.running = undefined;
        this.schedule(this.config.DISPATCH_POLL_MS);
      });
  }

  /** Works through the emails due now, one transaction each; returns what happened to each. */
  async dispatchDue(limit = 100): Promise<DispatchResult[]> {
    const results: DispatchResult[] = [];
    while (results.length < limit && !this.shuttingDown) {
      const result = await this.dispatchNext();
      if (!result) break;
      results.push(result);
    }
    return results;
  }

  /** Sends the next email that is due, if there is one. */
  async dispatchNext(): Promise<DispatchResult | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await manager
        .createQueryBuilder(Notification, 'n')
        .addSelect('n.document')
        .where(`n.status = 'queued'`)
        .andWhere('n.next_attempt_at <= :now', { now: this.clock.now() })
        .orderBy('n.next_attempt_at', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!notification) return undefined;
      const result = await this.sendOne(manager, notification);
      notificationsDispatched.inc({ kind: notification.kind, result });
      return result;
    });
  }

  private async sendOne(manager: EntityManager, notification: Notification): Promise<DispatchResult> {
    const attempts = notification.attempts + 1;
    try {
      await this.sender.send({
        notificationId: notification.id,
        from: this.config.MAIL_FROM,
        to: notification.emailTo!,
        subject: notification.emailSubject!,
        text: notification.emailText!,
        date: this.clock.now(),
        attachment: notification.document
          ? {
              fileName:
                notification.kind === 'consultation-summary'
                  ? summaryFileName(notification.reference)
                  : letterFileName(notification.reference),
              pdf: notification.document,
            }
          : undefined,
      });
    } catch (error) {
      const delay = retryDelayMs(attempts);
      const code = failureCode(error);
      await manager.update(Notification, notification.id, {
        attempts,
        lastError: code,
        status: delay === undefined ? 'failed' : 'queued',
        nextAttemptAt: delay === undefined ? null : new Date(this.clock.now().getTime() + delay),
      });
      this.logger.warn(
        `notification ${notification.id} not sent (${code}); attempt ${attempts} of ${MAX_DISPATCH_ATTEMPTS}` +
          (delay === undefined ? ', giving up' : ''),
      );
      return delay === undefined ? 'failed' : 'retry';
    }

    const sentAt = this.clock.now();
    await manager.update(Notification, notification.id, {
      attempts,
      status: 'sent',
      sentAt,
      nextAttemptAt: null,
      lastError: null,
    });
    await this.notifications.enqueueSent(manager, { ...notification, sentAt });
    // The LADO has been told: the referrer's LADO outcome, held until now, can go (Croydon 10).
    if (notification.kind === 'alert' && notification.recipient === 'lado')
      await this.notifications.releaseWaitingForLado(manager, notification.contactId);
    return 'sent';
  }
}
