import { Module } from '@nestjs/common';
import { RagModule } from '../rag/rag.module';
import { RepeatsModule } from '../repeats/repeats.module';
import { RecordInboxController } from './record-inbox.controller';
import { RecordInboxService } from './record-inbox.service';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

@Module({
  imports: [RagModule, RepeatsModule],
  controllers: [RecordsController, RecordInboxController],
  providers: [RecordsService, RecordInboxService],
  exports: [RecordsService],
})
export class RecordsModule {}
