import { DynamicModule, Global, Module } from '@nestjs/common';
import type { DecisionConfig } from '../config';
import { DECISION_SETTINGS, decisionSettings } from './decision-settings';
import { HUB_POLICY, HubPolicy, loadHubPolicy } from './hub-policy';

/** The hub's policy profile (MASH_PROFILE) and decision's own settings, for every feature. */
@Global()
@Module({})
export class PolicyModule {
  static forRoot(config: DecisionConfig, loaded?: HubPolicy): DynamicModule {
    // Loaded when the application module is built: a profile that does not load stops start-up.
    const policy = loaded ?? loadHubPolicy(config.profileName);
    return {
      module: PolicyModule,
      providers: [
        { provide: HUB_POLICY, useValue: policy },
        { provide: DECISION_SETTINGS, useValue: decisionSettings(config) },
      ],
      exports: [HUB_POLICY, DECISION_SETTINGS],
    };
  }
}
