import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { loadProfile } from '@mash/policy';
import { WebModule } from '@mash/web';
import { IntakeConfig } from './config';
import { ContactsModule } from './contacts/contacts.module';
import { intakeDataSourceOptions } from './database/data-source-options';
import { ReferralsModule } from './referrals/referrals.module';

@Module({})
export class AppModule {
  static register(config: IntakeConfig, clock?: Clock): DynamicModule {
    const profile = loadProfile(config.profileName);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'intake', config, clock }),
        TypeOrmModule.forRoot(intakeDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('intake', config),
        WebModule.forRoot({
          service: 'intake',
          config,
          hubName: profile.hub,
          serviceName: 'Make a referral',
          serviceUrl: '/refer',
          homePath: '/contacts/new',
          viewRoots: [join(__dirname, '..', 'src')],
        }),
        ContactsModule,
        ReferralsModule.register(profile),
      ],
    };
  }
}
