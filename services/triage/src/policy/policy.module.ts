import { DynamicModule, Global, Module } from '@nestjs/common';
import { loadProfile, WorkingCalendar } from '@mash/policy';
import type { ScreeningPolicy } from '../screening/rules/screening-policy';

/** Injection token of the hub's ScreeningPolicy (profile and working calendar). */
export const SCREENING_POLICY = Symbol('SCREENING_POLICY');

/** The hub's policy profile, loaded once at start-up (TriageConfig has already validated it). */
@Global()
@Module({})
export class PolicyModule {
  static forRoot(profileName: string): DynamicModule {
    const profile = loadProfile(profileName);
    const policy: ScreeningPolicy = { profile, calendar: new WorkingCalendar(profile) };
    return {
      module: PolicyModule,
      providers: [{ provide: SCREENING_POLICY, useValue: policy }],
      exports: [SCREENING_POLICY],
    };
  }
}
