import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { SERVICE_CONFIG } from '@mash/platform';
import type { IntakeConfig } from '../config';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

@Module({
  imports: [
    // The public front door: each address may submit PUBLIC_RATE_LIMIT_PER_MINUTE contacts a minute.
    ThrottlerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: IntakeConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE }],
      }),
    }),
  ],
  controllers: [ContactsController],
  providers: [ContactsService],
  exports: [ContactsService],
})
export class ContactsModule {}
