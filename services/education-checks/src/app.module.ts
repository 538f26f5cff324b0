import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyNodeModule, agencyNodeWebModule } from '@mash/agency-node';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { EducationChecksConfig } from './config';
import { educationChecksDataSourceOptions } from './database/data-source-options';
import { EDUCATION_NODE } from './education-node';

@Module({})
export class AppModule {
  static register(config: EducationChecksConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'education-checks', config, clock }),
        TypeOrmModule.forRoot(educationChecksDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('education-checks', config),
        AgencyNodeModule.register(EDUCATION_NODE),
        agencyNodeWebModule('education-checks', config, EDUCATION_NODE),
      ],
    };
  }
}
