import { Module } from '@nestjs/common';
import { IndexMatchesController } from '../index-matches/index-matches.controller';
import { IndexMatchesService } from '../index-matches/index-matches.service';
import { SocialCareIndexModule } from '../social-care-index/social-care-index.module';
import { ContactReceivedController } from './contact-received.controller';
import { ScreeningController } from './screening.controller';
import { ScreeningService } from './screening.service';

@Module({
  imports: [SocialCareIndexModule],
  controllers: [ScreeningController, ContactReceivedController, IndexMatchesController],
  providers: [ScreeningService, IndexMatchesService],
})
export class ScreeningModule {}
