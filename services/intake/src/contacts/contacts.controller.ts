import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContactDetails } from '@mash/contracts';
import { ApiIdempotencyKey, IdempotencyKey, Public } from '@mash/platform';
import { ContactsService } from './contacts.service';
import { ContactRecordedResponse } from './dto/contact-recorded.response';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a contact (public: referrers need no account)' })
  @ApiIdempotencyKey('Repeat a submission safely: the same key records one contact')
  @ApiCreatedResponse({ type: ContactRecordedResponse })
  record(
    @Body() details: ContactDetails,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ContactRecordedResponse> {
    return this.contacts.record(details, idempotencyKey);
  }
}
