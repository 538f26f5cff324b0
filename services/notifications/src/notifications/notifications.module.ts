import { DynamicModule, Module } from '@nestjs/common';
import { NotificationsConfig } from '../config';
import { MailSender } from '../dispatch/mail-sender';
import { NotificationDispatcher } from '../dispatch/notification-dispatcher';
import { OutboxFolderMailSender } from '../dispatch/outbox-folder-mail-sender';
import { SmtpMailSender } from '../dispatch/smtp-mail-sender';
import { loadNotificationsPolicy, NOTIFICATIONS_POLICY } from '../policy/notifications-policy';
import { DecisionEventsController } from './decision-events.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({})
export class NotificationsModule {
  static register(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController, DecisionEventsController],
      providers: [
        { provide: NotificationsConfig, useValue: config },
        { provide: NOTIFICATIONS_POLICY, useValue: loadNotificationsPolicy(config) },
        {
          provide: MailSender,
          useFactory: (): MailSender =>
            config.SMTP_URL
              ? new SmtpMailSender(config.SMTP_URL, {
                  requireTls: config.SMTP_REQUIRE_TLS,
                  caFile: config.SMTP_TLS_CA_FILE,
                  timeoutMs: config.SMTP_TIMEOUT_MS,
                })
              : new OutboxFolderMailSender(config.NOTIFICATIONS_OUTBOX_DIR),
        },
        NotificationsService,
        NotificationDispatcher,
      ],
    };
  }
}
