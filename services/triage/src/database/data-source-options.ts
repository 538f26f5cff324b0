import { CreateMessagingTables1763800000000, MESSAGING_ENTITIES } from '@mash/messaging';
import { postgresOptions } from '@mash/platform';
import { Screening } from '../screening/screening.entity';
import { SocialCareRecord } from '../social-care-index/social-care-record.entity';
import { CreateSocialCareIndex1763800000200 } from './migrations/1763800000200-create-social-care-index';
import { CreateScreenings1763800000210 } from './migrations/1763800000210-create-screenings';
import { ScreeningDecisions1763800000220 } from './migrations/1763800000220-screening-decisions';

export function triageDataSourceOptions(url: string) {
  return postgresOptions({
    url,
    applicationName: 'triage',
    entities: [SocialCareRecord, Screening, ...MESSAGING_ENTITIES],
    migrations: [
      CreateMessagingTables1763800000000,
      CreateSocialCareIndex1763800000200,
      CreateScreenings1763800000210,
      ScreeningDecisions1763800000220,
    ],
  });
}
