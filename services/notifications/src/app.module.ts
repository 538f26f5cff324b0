import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { NotificationsConfig } from './config';
import { notificationsDataSourceOptions } from './database/data-source-options';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static register(config: NotificationsConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'notifications', config, clock }),
        TypeOrmModule.forRoot(notificationsDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('notifications', config),
        NotificationsModule.register(config),
      ],
    };
  }
}
