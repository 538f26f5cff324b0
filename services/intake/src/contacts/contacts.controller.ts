import { Body, Controller, createParamDecorator, ExecutionContext, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContactDetails } from '@mash/contracts';
import { Public } from '@mash/platform';
import { ContactsService } from './contacts.service';
import { ContactRecordedResponse } from './dto/contact-recorded.response';

/** The optional Idempotency-Key header, so a portal can safely repeat a submission. */
const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest().headers['idempotency-key'];
    return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;
  },
);

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a contact (public: referrers need no account)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a submission safely' })
  @ApiCreatedResponse({ type: ContactRecordedResponse })
  record(
    @Body() details: ContactDetails,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ContactRecordedResponse> {
    return this.contacts.record(details, idempotencyKey);
  }
}
