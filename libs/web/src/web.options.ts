import type { ServiceConfig } from '@mash/platform';

export const WEB_OPTIONS = Symbol('WEB_OPTIONS');

/** A link in the service navigation, shown to the roles given (everyone signed in when none are). */
export interface NavigationLink {
  href: string;
  text: string;
  roles?: string[];
}

export interface WebOptions {
  /** The service serving the pages: names its session cookie. */
  service: string;
  config: ServiceConfig;
  /** The hub's name, from the policy profile (shown in the header and every page title). */
  hubName: string;
  /** What these pages are, in the service navigation ("MASH work list", "Make a referral"). */
  serviceName: string;
  /** Where the service name links to. */
  serviceUrl?: string;
  /** Directories searched for the service's own views (each feature keeps its views beside it). */
  viewRoots: string[];
  navigation?: NavigationLink[];
  /** Where a person goes after signing in when they did not ask for a page first. */
  homePath?: string;
}
