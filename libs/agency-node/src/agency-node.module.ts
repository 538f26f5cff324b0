import { DynamicModule, Module } from '@nestjs/common';
import { AGENCY_NODE, AgencyNodeDefinition } from './agency-node.definition';
import { ChecksModule } from './checks/checks.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { RecordsModule } from './records/records.module';

/**
 * The shared engine of an agency node: records import, the check inbox (matching, automatic answer),
 * the check work list and the disclosure log. A service registers it with its own agency, record
 * kinds and analysis, next to PlatformModule, TypeOrmModule (agencyNodeDataSourceOptions) and MessagingModule.
 */
@Module({})
export class AgencyNodeModule {
  static register(definition: AgencyNodeDefinition): DynamicModule {
    return {
      module: AgencyNodeModule,
      global: true,
      providers: [{ provide: AGENCY_NODE, useValue: definition }],
      exports: [AGENCY_NODE],
      imports: [RecordsModule, ChecksModule, DisclosuresModule],
    };
  }
}
