import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ContactDetails } from '@mash/contracts';
import { ApiIdempotencyKey, IdempotencyKey, Public } from '@mash/platform';
import { ContactsService } from './contacts.service';
import { ContactRecordedResponse } from './dto/contact-recorded.response';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a contact (public: referrers need no account)' })
  @ApiIdempotencyKey(
    'Repeat a submission safely: the same key and body record one contact; the same key with another body is a 422',
  )
  @ApiCreatedResponse({ type: ContactRecordedResponse })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used before for another body' })
  @ApiTooManyRequestsResponse({
    description:
      'More than PUBLIC_RATE_LIMIT_PER_MINUTE from this address; Retry-After says when to try again',
  })
  record(
    @Body() details: ContactDetails,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ContactRecordedResponse> {
    return this.contacts.record(details, idempotencyKey);
  }
}
