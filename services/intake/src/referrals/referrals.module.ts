import { DynamicModule, Module } from '@nestjs/common';
import type { PolicyProfile } from '@mash/policy';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactEntryController } from '../contact-entry/contact-entry.controller';
import { ReferralPortalController } from './referral-portal.controller';
import { POLICY_PROFILE, ReferralJourney } from './referral-journey';

/** The referral pages: the public portal (`/refer`) and the contact officers' entry (`/contacts/new`). */
@Module({})
export class ReferralsModule {
  static register(profile: PolicyProfile): DynamicModule {
    return {
      module: ReferralsModule,
      imports: [ContactsModule],
      controllers: [ReferralPortalController, ContactEntryController],
      providers: [ReferralJourney, { provide: POLICY_PROFILE, useValue: profile }],
    };
  }
}
