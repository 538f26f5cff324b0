import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyNodeModule, agencyNodeWebModule } from '@mash/agency-node';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { HealthChecksConfig } from './config';
import { healthChecksDataSourceOptions } from './database/data-source-options';
import { HEALTH_NODE } from './health-node';

@Module({})
export class AppModule {
  static register(config: HealthChecksConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'health-checks', config, clock }),
        TypeOrmModule.forRoot(healthChecksDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('health-checks', config),
        AgencyNodeModule.register(HEALTH_NODE),
        agencyNodeWebModule('health-checks', config, HEALTH_NODE),
      ],
    };
  }
}
