import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { IntakeConfig } from './config';
import { ContactsModule } from './contacts/contacts.module';
import { intakeDataSourceOptions } from './database/data-source-options';

@Module({})
export class AppModule {
  static register(config: IntakeConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'intake', config, clock }),
        TypeOrmModule.forRoot(intakeDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('intake', config),
        ContactsModule,
      ],
    };
  }
}
