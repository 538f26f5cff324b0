import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ContactReceived, MessageTypes } from '@mash/contracts';
import { AmqpContext } from '@mash/messaging';
import { ScreeningService } from './screening.service';

/** Consumes queue `triage.contacts`. The payload has already been validated against the contract. */
@Controller()
export class ContactReceivedController {
  constructor(private readonly screening: ScreeningService) {}

  @EventPattern(MessageTypes.ContactReceived)
  async onContactReceived(@Payload() contact: ContactReceived, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.screening.screen(contact, ctx.manager);
  }
}
