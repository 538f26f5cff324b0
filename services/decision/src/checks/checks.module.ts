import { Module } from '@nestjs/common';
import { CheckRequests } from './check-requests';
import { ChecksController } from './checks.controller';
import { ChecksService } from './checks.service';

@Module({
  controllers: [ChecksController],
  providers: [CheckRequests, ChecksService],
  exports: [CheckRequests, ChecksService],
})
export class ChecksModule {}
