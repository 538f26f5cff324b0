import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { CheckRequested, MessageTypes } from '@mash/contracts';
import { AmqpContext, RpcPassThroughFilter } from '@mash/messaging';
import { CheckInboxService } from './check-inbox.service';

/**
 * `check.requested` from triage, on this agency's own queue (`<agency>-checks.check-requests`).
 * The pass-through filter is bound here too: startService registers it globally only after Nest has
 * set up the listeners, so without it a PermanentMessageError would be retried, not dead-lettered.
 */
@UseFilters(RpcPassThroughFilter)
@ApiExcludeController()
@Controller()
export class CheckRequestsController {
  constructor(private readonly inbox: CheckInboxService) {}

  @EventPattern(MessageTypes.CheckRequested)
  async onCheckRequested(@Payload() message: CheckRequested, @Ctx() context: AmqpContext): Promise<void> {
    await this.inbox.receive(message, context.manager);
  }
}
