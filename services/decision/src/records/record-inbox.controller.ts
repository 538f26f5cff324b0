import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CheckResponded, ContactScreened, MessageTypes, NotificationSent } from '@mash/contracts';
import { AmqpContext } from '@mash/messaging';
import { RecordInboxService } from './record-inbox.service';

/** decision.inbox: triage's screening, the agencies' answers and notifications' confirmations. */
@Controller()
export class RecordInboxController {
  constructor(private readonly inbox: RecordInboxService) {}

  @EventPattern(MessageTypes.ContactScreened)
  async onContactScreened(@Payload() message: ContactScreened, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.onContactScreened(message, ctx.manager);
  }

  @EventPattern(MessageTypes.CheckResponded)
  async onCheckResponded(@Payload() message: CheckResponded, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.onCheckResponded(message, ctx.manager);
  }

  @EventPattern(MessageTypes.NotificationSent)
  async onNotificationSent(@Payload() message: NotificationSent, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.onNotificationSent(message, ctx.manager);
  }
}
