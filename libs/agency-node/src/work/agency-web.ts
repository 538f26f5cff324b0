import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { WebModule } from '@mash/web';
import type { AgencyNodeConfig } from '../agency-node.config';
import type { AgencyNodeDefinition } from '../agency-node.definition';

const SERVICE_NAMES: Record<string, string> = {
  police: 'Police checks',
  health: 'Health checks',
  education: 'Education checks',
};

/**
 * The web kit for an agency node: the practitioner's work list and check pages
 * (`work/agency-pages.controller.ts`), signed in by session. `HUB_NAME` names the hub in every page.
 */
export function agencyNodeWebModule(
  service: string,
  config: AgencyNodeConfig,
  definition: Pick<AgencyNodeDefinition, 'agency'>,
): DynamicModule {
  return WebModule.forRoot({
    service,
    config,
    hubName: config.HUB_NAME,
    serviceName: SERVICE_NAMES[definition.agency] ?? `${definition.agency} checks`,
    serviceUrl: '/',
    // dist/work → the package's src, where the views live beside their feature.
    viewRoots: [join(__dirname, '..', '..', 'src')],
    navigation: [{ href: '/', text: 'Work list', roles: ['agency-practitioner'] }],
    homePath: '/',
  });
}
