import { agencyNodeDataSourceOptions } from '@mash/agency-node';

export function educationChecksDataSourceOptions(url: string) {
  return agencyNodeDataSourceOptions('education-checks', url);
}
