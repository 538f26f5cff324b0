import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { CheckCancelled, CheckChased, CheckRequested, CheckRetimed, MessageTypes } from '@mash/contracts';
import { AmqpContext } from '@mash/messaging';
import { CheckInboxService } from './check-inbox.service';
import { CheckLifecycleService } from './check-lifecycle.service';

/**
 * What the hub sends to this agency's own queue (`<agency>-checks.check-requests`): `check.requested`
 * from triage or decision, and `check.chased`, `check.cancelled`, `check.retimed` from decision.
 */
@ApiExcludeController()
@Controller()
export class CheckRequestsController {
  constructor(
    private readonly inbox: CheckInboxService,
    private readonly lifecycle: CheckLifecycleService,
  ) {}

  @EventPattern(MessageTypes.CheckRequested)
  async onCheckRequested(@Payload() message: CheckRequested, @Ctx() context: AmqpContext): Promise<void> {
    await this.inbox.receive(message, context.manager);
  }

  @EventPattern(MessageTypes.CheckChased)
  async onCheckChased(@Payload() message: CheckChased, @Ctx() context: AmqpContext): Promise<void> {
    await this.lifecycle.chased(message, context.manager);
  }

  @EventPattern(MessageTypes.CheckCancelled)
  async onCheckCancelled(@Payload() message: CheckCancelled, @Ctx() context: AmqpContext): Promise<void> {
    await this.lifecycle.cancelled(message, context.manager);
  }

  @EventPattern(MessageTypes.CheckRetimed)
  async onCheckRetimed(@Payload() message: CheckRetimed, @Ctx() context: AmqpContext): Promise<void> {
    await this.lifecycle.retimed(message, context.manager);
  }
}
