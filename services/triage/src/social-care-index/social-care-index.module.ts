import { Module } from '@nestjs/common';
import { SocialCareIndexController } from './social-care-index.controller';
import { SocialCareIndexService } from './social-care-index.service';

@Module({
  controllers: [SocialCareIndexController],
  providers: [SocialCareIndexService],
  exports: [SocialCareIndexService],
})
export class SocialCareIndexModule {}
