import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CheckEscalated,
  CheckResponded,
  ContactScreened,
  MessageTypes,
  NotificationSent,
} from '@mash/contracts';
import { AmqpContext } from '@mash/messaging';
import { RagService } from '../rag/rag.service';
import { RecordInboxService } from './record-inbox.service';

/** decision.inbox: triage's screening, the agencies' answers and escalations, notifications' confirmations. */
@Controller()
export class RecordInboxController {
  constructor(
    private readonly inbox: RecordInboxService,
    private readonly rag: RagService,
  ) {}

  @EventPattern(MessageTypes.ContactScreened)
  async onContactScreened(@Payload() message: ContactScreened, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.onContactScreened(message, ctx.manager);
  }

  @EventPattern(MessageTypes.CheckResponded)
  async onCheckResponded(@Payload() message: CheckResponded, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.onCheckResponded(message, ctx.manager);
  }

  @EventPattern(MessageTypes.CheckEscalated)
  async onCheckEscalated(@Payload() message: CheckEscalated, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.rag.escalate(message, ctx.manager);
  }

  @EventPattern(MessageTypes.NotificationSent)
  async onNotificationSent(@Payload() message: NotificationSent, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.onNotificationSent(message, ctx.manager);
  }
}
