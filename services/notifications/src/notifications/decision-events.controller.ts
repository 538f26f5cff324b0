import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DecisionRecorded, MessageTypes } from '@mash/contracts';
import { AmqpContext } from '@mash/messaging';
import { NotificationsService } from './notifications.service';

/** notifications.inbox: the decisions whose outcome the referrer is to be told. */
@Controller()
export class DecisionEventsController {
  constructor(private readonly notifications: NotificationsService) {}

  @EventPattern(MessageTypes.DecisionRecorded)
  async onDecisionRecorded(@Payload() message: DecisionRecorded, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.notifications.prepareOutcome(message, ctx.manager);
  }
}
