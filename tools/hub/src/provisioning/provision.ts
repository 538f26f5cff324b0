import { ManagementApi } from './management-api';
import { migrateServices } from './migrations';
import { ProvisionOptions, resolveProvisionOptions } from './options';
import { grantServiceRights, provisionDatabases } from './postgres';
import { declareTopology, provisionBroker } from './rabbitmq';
import { ensureSigningKeys } from './signing-keys';

/**
 * Provisions the whole hub, idempotently (DESIGN.md, Running and testing): the vhost, one broker user per
 * service with its permissions, the topology, one role and database per service, the agency nodes' development signing keys, every migration, and
 * with demoData the demo records. Options not given come from the environment, then development defaults.
 */
export async function provision(overrides: Partial<ProvisionOptions> = {}): Promise<ProvisionOptions> {
  const options = resolveProvisionOptions(overrides);
  await new ManagementApi(options.managementUrl).waitUntilReachable(30_000);
  await provisionBroker(options);
  await declareTopology(options);
  await provisionDatabases(options);
  ensureSigningKeys(options);
  if (options.migrate) await migrateServices(options);
  await grantServiceRights(options);
  return options;
}
