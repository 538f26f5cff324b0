import { agencyNodeDataSourceOptions } from '@mash/agency-node';

export function policeChecksDataSourceOptions(url: string) {
  return agencyNodeDataSourceOptions('police-checks', url);
}
