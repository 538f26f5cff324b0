import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import {
  ContactReceived,
  ContactScreened,
  DecisionRecorded,
  MessageTypes,
  NotificationSent,
} from '@mash/contracts';
import { Outbox } from '@mash/messaging';
import { Clock, CLOCK, ConflictError, NotFoundError, Principal } from '@mash/platform';
import { NotificationsConfig } from '../config';
import { acknowledgementEmail } from '../letters/acknowledgement-email';
import { alertEmail, ladoAlertForDecision } from '../letters/alert-email';
import { LetterFonts, loadLetterFonts } from '../letters/letter-fonts';
import { renderLetterPdf } from '../letters/letter-pdf';
import { consultationEmail, letterFileName, outcomeEmail, summaryFileName } from '../letters/outcome-email';
import {
  consultationSummaryLetter,
  familyOutcomeLetter,
  LetterContext,
  OutcomeLetter,
  outcomeLetter,
} from '../letters/outcome-letter';
import { NOTIFICATIONS_POLICY, NotificationsPolicy } from '../policy/notifications-policy';
import { Notification, OPEN_STATUSES } from './notification.entity';
import { acknowledgementFor, alertsFor, notificationsForDecision, PlannedNotification } from './who-is-told';

/** The kinds a decision prepares: one set per contact, whichever way it goes. */
const DECISION_KINDS = ['outcome-email', 'outcome-letter', 'phone-task', 'consultation-summary'] as const;

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
    private readonly outbox: Outbox,
    @Inject(NOTIFICATIONS_POLICY) private readonly policy: NotificationsPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.fonts = loadLetterFonts(config.LETTER_FONT_FILE, config.LETTER_BOLD_FONT_FILE);
    if (!this.fonts)
      this.logger.warn('no TrueType font found: letters use Helvetica, which lacks some letters of names');
  }

  private get hub(): string {
    return this.config.HUB_NAME;
  }

  /** contact.received: the referrer's acknowledgement, due within the profile's time. */
  async prepareAcknowledgement(contact: ContactReceived, manager: EntityManager): Promise<void> {
    const due = this.policy.calendar.add(new Date(contact.receivedAt), this.policy.settings.acknowledgement);
    const planned = acknowledgementFor(contact, due);
    if (!planned) return;
    const { subject, text } = acknowledgementEmail(contact, this.hub, this.policy.settings);
    await this.insert(manager, contact.contactId, contact.reference, planned, {
      emailSubject: subject,
      emailText: text,
    });
  }

  /** contact.screened: each alert screening asks for, emailed from the directory or left to send by hand. */
  async prepareAlerts(screened: ContactScreened, manager: EntityManager): Promise<void> {
    const alerts = screened.alerts ?? [];
    for (const planned of alertsFor(screened, this.policy.directory)) {
      const alert = alerts[planned.alertIndex!];
      const { subject, text } = alertEmail(alert, screened, this.hub, this.policy.settings);
      await this.insert(manager, screened.contactId, screened.contact.reference, planned, {
        emailSubject: subject,
        emailText: text,
      });
    }
  }

  /**
   * decision.recorded: the referrer's outcome, the family's letters, a strategy discussion's phone tasks or
   * a consultation's summary (who-is-told.ts), prepared in the message's transaction; the dispatcher sends
   * the emails after this commits. A contact's decision is told once: a second decision.recorded for the
   * same contact (another message id, so not caught by the inbox) prepares nothing new.
   */
  async prepareOutcome(decision: DecisionRecorded, manager: EntityManager): Promise<void> {
    await this.lockContact(manager, decision.contactId);
    const earlier = await manager.findOne(Notification, {
      where: { contactId: decision.contactId, kind: In([...DECISION_KINDS]) },
    });
    if (earlier) {
      this.logger.log(`contact ${decision.contactId}: decision already told (${earlier.id}); nothing new`);
      return;
    }
    const { settings, calendar } = this.policy;
    const decidedAt = new Date(decision.decidedAt);
    const due = {
      outcome: calendar.add(decidedAt, this.policy.profile.timescales.feedbackToReferrer),
      phoneCall: calendar.add(decidedAt, settings.phoneCall),
      consultationSummary: calendar.add(decidedAt, this.policy.profile.timescales.adviceSummary),
    };
    const ladoAlerts = await manager.find(Notification, {
      where: { contactId: decision.contactId, kind: 'alert', recipient: 'lado' },
    });
    if (decision.outcome === 'lado' && ladoAlerts.length === 0) {
      // Screening did not flag the allegation, the decision maker did: the LADO is alerted now.
      const entry = this.policy.directory.find({ kind: 'lado' });
      const { subject, text } = ladoAlertForDecision(decision, this.hub, settings);
      await this.insert(
        manager,
        decision.contactId,
        decision.reference,
        {
          kind: 'alert',
          recipient: 'lado',
          recipientKey: 'decision',
          channel: 'email',
          status: entry?.email ? 'queued' : 'send-by-hand',
          dueAt: decidedAt,
          emailTo: entry?.email ?? null,
          document: 'none',
          reason: entry?.email
            ? null
            : "no email address in the hub's directory for the LADO: send it by hand",
        },
        { emailSubject: subject, emailText: text },
      );
    }
    const ladoTold = ladoAlerts.some((alert) => alert.status === 'sent');
    // The rationale goes out only where the profile says so (Croydon 8: NFA), whatever the message carries.
    const context: LetterContext = {
      hubContact: settings.hubContact,
      receivingTeam: decision.receivingTeam ?? null,
      rationale: settings.rationaleToReferrerFor.includes(decision.outcome)
        ? (decision.rationaleForReferrer ?? null)
        : null,
    };
    for (const planned of notificationsForDecision(decision, settings, due, ladoTold)) {
      await this.insert(
        manager,
        decision.contactId,
        decision.reference,
        planned,
        await this.decisionContent(decision, planned, context),
      );
    }
  }

  private async decisionContent(
    decision: DecisionRecorded,
    planned: PlannedNotification,
    context: LetterContext,
  ): Promise<Partial<Notification>> {
    let letter: OutcomeLetter | undefined;
    if (planned.document === 'outcome') letter = outcomeLetter(decision, this.hub, context);
    if (planned.document === 'family')
      letter = familyOutcomeLetter(decision, planned.familyMember!, this.hub, context);
    if (planned.document === 'consultation') letter = consultationSummaryLetter(decision, this.hub, context);
    const document = letter ? await renderLetterPdf(letter, new Date(decision.decidedAt), this.fonts) : null;
    if (!planned.emailTo) return { document };
    const email =
      planned.kind === 'consultation-summary'
        ? consultationEmail(decision, this.hub)
        : outcomeEmail(decision, this.hub);
    return { document, emailSubject: email.subject, emailText: email.text };
  }

  private async lockContact(manager: EntityManager, contactId: string): Promise<void> {
    // Serialises two messages for one contact arriving at once, so they cannot both find nothing.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notifications:${contactId}`]);
  }

  private async insert(
    manager: EntityManager,
    contactId: string,
    reference: string,
    planned: PlannedNotification,
    content: Partial<Notification>,
  ): Promise<void> {
    const now = this.clock.now();
    const notification = manager.create(Notification, {
      id: randomUUID(),
      contactId,
      reference,
      kind: planned.kind,
      recipient: planned.recipient,
      recipientKey: planned.recipientKey,
      channel: planned.channel,
      status: planned.status,
      emailTo: planned.emailTo,
      emailSubject: null,
      emailText: null,
      document: null,
      createdAt: now,
      dueAt: planned.dueAt,
      sentAt: null,
      attempts: 0,
      nextAttemptAt: planned.status === 'queued' ? now : null,
      lastError: null,
      callList: planned.callList ?? null,
      doneAt: null,
      doneBy: null,
      note: null,
      reason: planned.reason ?? null,
      alertIndex: planned.alertIndex ?? null,
      waitingFor: planned.waitingFor ?? null,
      ...content,
    });
    // The unique (contact_id, kind, recipient, recipient_key) is the last guard against a second one.
    await manager.createQueryBuilder().insert().into(Notification).values(notification).orIgnore().execute();
    this.logger.log(`contact ${contactId}: ${planned.kind} ${notification.id} ${planned.status}`);
  }

  /**
   * Once the LADO has been told, the referrer's LADO outcome (held until then) goes out: by email, or as a
   * letter ready to post. Called in the transaction that records the LADO alert sent.
   */
  async releaseWaitingForLado(manager: EntityManager, contactId: string): Promise<void> {
    const now = this.clock.now();
    await manager
      .createQueryBuilder()
      .update(Notification)
      .set({
        status: () => `CASE WHEN channel = 'email' THEN 'queued' ELSE 'ready-to-post' END`,
        nextAttemptAt: now,
        waitingFor: null,
      })
      .where('contact_id = :contactId', { contactId })
      .andWhere(`status = 'waiting'`)
      .andWhere(`waiting_for = 'lado-alert'`)
      .execute();
  }

  async listForContact(contactId: string): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({
      where: { contactId },
      // Prepared together (one message), they come in a fixed order: by kind, the referrer first.
      order: { createdAt: 'ASC', kind: 'ASC', recipient: 'DESC', recipientKey: 'ASC', id: 'ASC' },
    });
  }

  /** Everything due and not yet sent, done or given up on: the overdue list (phone tasks among them). */
  async listOverdue(): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({
      where: { status: In([...OPEN_STATUSES]), dueAt: LessThan(this.clock.now()) },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 500,
    });
  }

  async find(id: string): Promise<Notification> {
    const notification = await this.dataSource.getRepository(Notification).findOne({ where: { id } });
    if (!notification) throw new NotFoundError('the notification');
    return notification;
  }

  async hasDocument(id: string): Promise<boolean> {
    const rows: { has: boolean }[] = await this.dataSource.query(
      'SELECT document IS NOT NULL AS has FROM notifications WHERE id = $1',
      [id],
    );
    return rows[0]?.has === true;
  }

  async document(id: string): Promise<NotificationDocument> {
    const notification = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .addSelect('n.document')
      .where('n.id = :id', { id })
      .getOne();
    if (!notification || !notification.document) throw new NotFoundError('the notification');
    const fileName =
      notification.kind === 'consultation-summary'
        ? summaryFileName(notification.reference)
        : notification.recipient === 'family'
          ? letterFileName(`${notification.reference}-${notification.recipientKey}`)
          : letterFileName(notification.reference);
    return { fileName, pdf: notification.document };
  }

  /**
   * A strategy discussion's phone task: done (when, who, a short note) or not done (why). Marked once;
   * a second mark is refused (409), so the first account stands.
   */
  async markPhoneTask(
    id: string,
    outcome: 'done' | 'not-done',
    text: string,
    principal: Principal,
  ): Promise<Notification> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOne(Notification, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!task) throw new NotFoundError('the notification');
      if (task.kind !== 'phone-task')
        throw new ConflictError('not-a-phone-task', 'only a phone task can be marked done or not done');
      if (task.status !== 'to-do')
        throw new ConflictError('phone-task-already-marked', `the phone task is already ${task.status}`);
      const now = this.clock.now();
      await manager.update(Notification, id, {
        status: outcome,
        doneAt: now,
        doneBy: principal.id,
        note: outcome === 'done' ? text : null,
        reason: outcome === 'not-done' ? text : null,
        sentAt: outcome === 'done' ? now : null,
      });
      if (outcome === 'done') await this.enqueueSent(manager, { ...task, sentAt: now });
      return (await manager.findOne(Notification, { where: { id } }))!;
    });
  }

  /**
   * Staff record that an alert left to send by hand, or a letter ready to post, has gone: it then counts
   * as sent (and a LADO alert releases the referrer's outcome held for it).
   */
  async markSentByHand(id: string, note: string | undefined, principal: Principal): Promise<Notification> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await manager.findOne(Notification, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notification) throw new NotFoundError('the notification');
      if (notification.status !== 'send-by-hand' && notification.status !== 'ready-to-post')
        throw new ConflictError(
          'not-to-send-by-hand',
          `only an alert to send by hand or a letter to post is recorded as sent by hand; this one is ${notification.status}`,
        );
      const now = this.clock.now();
      await manager.update(Notification, id, {
        status: 'sent',
        sentAt: now,
        doneAt: now,
        doneBy: principal.id,
        note: note ?? null,
      });
      await this.enqueueSent(manager, { ...notification, sentAt: now });
      if (notification.kind === 'alert' && notification.recipient === 'lado')
        await this.releaseWaitingForLado(manager, notification.contactId);
      return (await manager.findOne(Notification, { where: { id } }))!;
    });
  }

  async enqueueSent(manager: EntityManager, notification: Notification): Promise<void> {
    const sent: NotificationSent = {
      notificationId: notification.id,
      contactId: notification.contactId,
      kind: notification.kind,
      channel: notification.channel,
      recipient: notification.recipient,
      sentAt: notification.sentAt!.toISOString(),
      ...(notification.alertIndex !== null ? { alertIndex: notification.alertIndex } : {}),
    };
    await this.outbox.enqueue(manager, {
      type: MessageTypes.NotificationSent,
      correlationId: notification.contactId,
      body: sent,
    });
  }
}
