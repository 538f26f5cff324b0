import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyNodeModule, agencyNodeWebModule } from '@mash/agency-node';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { PoliceChecksConfig } from './config';
import { policeChecksDataSourceOptions } from './database/data-source-options';
import { POLICE_NODE } from './police-node';

@Module({})
export class AppModule {
  static register(config: PoliceChecksConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'police-checks', config, clock }),
        TypeOrmModule.forRoot(policeChecksDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('police-checks', config),
        AgencyNodeModule.register(POLICE_NODE),
        agencyNodeWebModule('police-checks', config, POLICE_NODE),
      ],
    };
  }
}
