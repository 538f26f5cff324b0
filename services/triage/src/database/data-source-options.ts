import { CreateMessagingTables1763800000000, MESSAGING_ENTITIES } from '@mash/messaging';
import { postgresOptions } from '@mash/platform';
import { IndexMatchReview } from '../index-matches/index-match-review.entity';
import { Screening } from '../screening/screening.entity';
import { SocialCareRecord } from '../social-care-index/social-care-record.entity';
import { CreateSocialCareIndex1763800000200 } from './migrations/1763800000200-create-social-care-index';
import { CreateScreenings1763800000210 } from './migrations/1763800000210-create-screenings';
import { ScreeningDecisions1763800000220 } from './migrations/1763800000220-screening-decisions';
import { IndexMatching1763800000230 } from './migrations/1763800000230-index-matching';

export function triageDataSourceOptions(url: string) {
  return postgresOptions({
    url,
    applicationName: 'triage',
    entities: [SocialCareRecord, Screening, IndexMatchReview, ...MESSAGING_ENTITIES],
    migrations: [
      CreateMessagingTables1763800000000,
      CreateSocialCareIndex1763800000200,
      CreateScreenings1763800000210,
      ScreeningDecisions1763800000220,
      IndexMatching1763800000230,
    ],
  });
}
