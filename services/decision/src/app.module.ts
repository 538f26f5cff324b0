import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { AuditModule } from './audit/audit.module';
import { DecisionConfig } from './config';
import { decisionDataSourceOptions } from './database/data-source-options';
import { DecisionsModule } from './decisions/decisions.module';
import { RecordsModule } from './records/records.module';

@Module({})
export class AppModule {
  static register(config: DecisionConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'decision', config, clock }),
        TypeOrmModule.forRoot(decisionDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('decision', config),
        AuditModule,
        RecordsModule,
        DecisionsModule,
      ],
    };
  }
}
