import { Module } from '@nestjs/common';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { CheckAnswersService } from './check-answers.service';
import { CheckInboxService } from './check-inbox.service';
import { CheckLifecycleService } from './check-lifecycle.service';
import { CheckMatcher } from './check-matcher';
import { CheckRequestsController } from './check-requests.controller';
import { CheckResponder } from './check-responder';
import { ChecksController } from './checks.controller';
import { ChecksService } from './checks.service';
import { AgencyPagesController } from '../work/agency-pages.controller';

@Module({
  imports: [DisclosuresModule],
  controllers: [ChecksController, CheckRequestsController, AgencyPagesController],
  providers: [
    ChecksService,
    CheckAnswersService,
    CheckInboxService,
    CheckLifecycleService,
    CheckMatcher,
    CheckResponder,
  ],
})
export class ChecksModule {}
