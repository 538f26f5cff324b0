import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { WebModule } from '@mash/web';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { ChecksModule } from './checks/checks.module';
import { DecisionConfig } from './config';
import { ConsentModule } from './consent/consent.module';
import { decisionDataSourceOptions } from './database/data-source-options';
import { DecisionsModule } from './decisions/decisions.module';
import { FiguresModule } from './figures/figures.module';
import { loadHubPolicy } from './policy/hub-policy';
import { PolicyModule } from './policy/policy.module';
import { RagModule } from './rag/rag.module';
import { RecordPagesModule } from './records/record-pages.module';
import { RecordsModule } from './records/records.module';
import { TimescalesModule } from './timescales/timescales.module';
import { WorkListPagesModule } from './work-list/work-list-pages.module';

@Module({})
export class AppModule {
  static register(config: DecisionConfig, clock?: Clock): DynamicModule {
    const policy = loadHubPolicy(config.profileName);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'decision', config, clock }),
        TypeOrmModule.forRoot(decisionDataSourceOptions(config.DATABASE_URL)),
        MessagingModule.forRoot('decision', config),
        PolicyModule.forRoot(config, policy),
        WebModule.forRoot({
          service: 'decision',
          config,
          hubName: policy.profile.hub,
          serviceName: 'MASH',
          serviceUrl: '/',
          viewRoots: [join(__dirname, '..', 'src')],
          navigation: [
            {
              href: '/',
              text: 'Work list',
              roles: ['contact-officer', 'social-worker', 'decision-maker', 'team-manager'],
            },
            {
              href: '/end-of-day',
              text: 'End of day',
              roles: ['decision-maker', 'team-manager', 'hub-operator'],
            },
            { href: '/figures', text: 'Figures', roles: ['decision-maker', 'team-manager', 'hub-operator'] },
          ],
        }),
        AuditModule,
        RecordsModule,
        DecisionsModule,
        RagModule,
        ChecksModule,
        ConsentModule,
        AlertsModule,
        FiguresModule,
        TimescalesModule,
        WorkListPagesModule,
        RecordPagesModule,
      ],
    };
  }
}
