import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CheckResponded, ContactScreened, MessageTypes, NotificationSent } from '@mash/contracts';
import { AmqpContext, RpcPassThroughFilter } from '@mash/messaging';
import { RecordInboxService } from './record-inbox.service';

/**
 * decision.inbox: triage's screening, the agencies' answers and notifications' confirmations.
 * The pass-through filter is bound here as well because startService registers it globally only
 * after the microservice is initialised, when Nest no longer applies it: without it a
 * PermanentMessageError reaches the transport disguised, and is retried instead of dead-lettered.
 */
@UseFilters(RpcPassThroughFilter)
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
