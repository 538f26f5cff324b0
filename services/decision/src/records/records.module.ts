import { Module } from '@nestjs/common';
import { RecordInboxController } from './record-inbox.controller';
import { RecordInboxService } from './record-inbox.service';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

@Module({
  controllers: [RecordsController, RecordInboxController],
  providers: [RecordsService, RecordInboxService],
})
export class RecordsModule {}
