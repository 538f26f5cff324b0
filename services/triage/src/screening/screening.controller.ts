import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, ValidationFailedError } from '@mash/platform';
import { ScreeningResponse } from './dto/screening.response';
import { ScreeningService } from './screening.service';

const contactIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationFailedError([{ field: 'contactId', rule: 'isUuid', message: 'contactId must be a UUID' }]),
});

@ApiTags('screenings')
@ApiBearerAuth()
@Controller('screenings')
export class ScreeningController {
  constructor(private readonly screenings: ScreeningService) {}

  @Roles('contact-officer', 'social-worker', 'decision-maker', 'team-manager')
  @Get(':contactId')
  @ApiOperation({
    summary: "A contact's screening: route, initial RAG, rationale, what the index knew, the checks",
  })
  @ApiOkResponse({ type: ScreeningResponse })
  @ApiNotFoundResponse({ description: 'The contact has not been screened (or does not exist)' })
  find(@Param('contactId', contactIdPipe) contactId: string): Promise<ScreeningResponse> {
    return this.screenings.find(contactId);
  }
}
