import { DynamicModule, Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@mash/platform';
import { AGENCY_NODE_SETTINGS, AgencyNodeConfig, agencyNodeSettings } from './agency-node.config';
import { AGENCY_NODE, AgencyNodeDefinition } from './agency-node.definition';
import { ChecksModule } from './checks/checks.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { ViewAuditModule } from './audit/audit.module';
import { RecordsModule } from './records/records.module';

/**
 * The shared engine of an agency node: records import, the check inbox (matching, the automatic
 * no-trace answer when configured), the practitioner's work list, review and answer, and the
 * disclosure log. A service registers it with its own agency, record types and analysis, next to
 * PlatformModule (whose config must extend AgencyNodeConfig), TypeOrmModule
 * (agencyNodeDataSourceOptions) and MessagingModule.
 */
@Module({})
export class AgencyNodeModule {
  static register(definition: AgencyNodeDefinition): DynamicModule {
    return {
      module: AgencyNodeModule,
      global: true,
      providers: [
        { provide: AGENCY_NODE, useValue: definition },
        {
          provide: AGENCY_NODE_SETTINGS,
          inject: [SERVICE_CONFIG],
          useFactory: (config: Partial<AgencyNodeConfig>) => agencyNodeSettings(config),
        },
      ],
      exports: [AGENCY_NODE, AGENCY_NODE_SETTINGS],
      imports: [ViewAuditModule, RecordsModule, ChecksModule, DisclosuresModule],
    };
  }
}
