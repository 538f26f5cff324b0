import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { ChecksModule } from '../checks/checks.module';
import { ConsentModule } from '../consent/consent.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { RagModule } from '../rag/rag.module';
import { RecordPages } from './record.pages';
import { RecordsModule } from './records.module';

/** The MASH record page and its action forms. */
@Module({
  imports: [RecordsModule, DecisionsModule, RagModule, ChecksModule, ConsentModule, AlertsModule],
  controllers: [RecordPages],
})
export class RecordPagesModule {}
