import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { ChecksModule } from './checks/checks.module';
import { DecisionConfig } from './config';
import { ConsentModule } from './consent/consent.module';
import { decisionDataSourceOptions } from './database/data-source-options';
import { DecisionsModule } from './decisions/decisions.module';
import { FiguresModule } from './figures/figures.module';
import { PolicyModule } from './policy/policy.module';
import { RagModule } from './rag/rag.module';
import { RecordsModule } from './records/records.module';
import { TimescalesModule } from './timescales/timescales.module';

@Module({})
export class AppModule {
  static register(config: DecisionConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'decision', config, clock }),
        TypeOrmModule.forRoot(decisionDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('decision', config),
        PolicyModule.forRoot(config),
        AuditModule,
        RecordsModule,
        DecisionsModule,
        RagModule,
        ChecksModule,
        ConsentModule,
        AlertsModule,
        FiguresModule,
        TimescalesModule,
      ],
    };
  }
}
