import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ContactReceived, ContactScreened, DecisionRecorded, MessageTypes } from '@mash/contracts';
import { AmqpContext } from '@mash/messaging';
import { NotificationsService } from './notifications.service';

/**
 * notifications.inbox: contacts received (the referrer's acknowledgement), contacts screened (the alerts
 * screening asks for) and decisions (the outcome, to whom and how).
 */
@Controller()
export class DecisionEventsController {
  constructor(private readonly notifications: NotificationsService) {}

  @EventPattern(MessageTypes.ContactReceived)
  async onContactReceived(@Payload() message: ContactReceived, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.notifications.prepareAcknowledgement(message, ctx.manager);
  }

  @EventPattern(MessageTypes.ContactScreened)
  async onContactScreened(@Payload() message: ContactScreened, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.notifications.prepareAlerts(message, ctx.manager);
  }

  @EventPattern(MessageTypes.DecisionRecorded)
  async onDecisionRecorded(@Payload() message: DecisionRecorded, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.notifications.prepareOutcome(message, ctx.manager);
  }
}
