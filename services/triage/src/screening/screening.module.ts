import { Module } from '@nestjs/common';
import { SocialCareIndexModule } from '../social-care-index/social-care-index.module';
import { ContactReceivedController } from './contact-received.controller';
import { ScreeningController } from './screening.controller';
import { ScreeningService } from './screening.service';

@Module({
  imports: [SocialCareIndexModule],
  controllers: [ScreeningController, ContactReceivedController],
  providers: [ScreeningService],
})
export class ScreeningModule {}
