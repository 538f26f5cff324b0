import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { TriageConfig } from './config';
import { triageDataSourceOptions } from './database/data-source-options';
import { PolicyModule } from './policy/policy.module';
import { ScreeningModule } from './screening/screening.module';
import { SocialCareIndexModule } from './social-care-index/social-care-index.module';

@Module({})
export class AppModule {
  static register(config: TriageConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'triage', config, clock }),
        TypeOrmModule.forRoot(triageDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('triage', config),
        PolicyModule.forRoot(config.profileName),
        SocialCareIndexModule,
        ScreeningModule,
      ],
    };
  }
}
