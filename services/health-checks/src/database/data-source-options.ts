import { agencyNodeDataSourceOptions } from '@mash/agency-node';

export function healthChecksDataSourceOptions(url: string) {
  return agencyNodeDataSourceOptions('health-checks', url);
}
