import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { CheckRequested, MessageTypes } from '@mash/contracts';
import { AmqpContext } from '@mash/messaging';
import { CheckInboxService } from './check-inbox.service';

/**
 * `check.requested` from triage, on this agency's own queue (`<agency>-checks.check-requests`).
 */
@ApiExcludeController()
@Controller()
export class CheckRequestsController {
  constructor(private readonly inbox: CheckInboxService) {}

  @EventPattern(MessageTypes.CheckRequested)
  async onCheckRequested(@Payload() message: CheckRequested, @Ctx() context: AmqpContext): Promise<void> {
    await this.inbox.receive(message, context.manager);
  }
}
