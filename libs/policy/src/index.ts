export * from './policy-profile';
export * from './profile-error';
export {
  BUILT_IN_PROFILES,
  PROFILES_DIRECTORY,
  loadProfile,
  parseProfile,
  profileId,
  validateProfile,
} from './load-profile';
export { WorkingCalendar, HUB_TIME_ZONE } from './working-calendar';
export { bankHolidays, isBankHoliday } from './bank-holidays';
export { checksDueAt, decisionDueAt, leaveHubBy, redTimescale } from './rag-timescales';
export { feedbackDueAt } from './feedback-timescale';
export { adviceSummaryDueAt } from './advice-summary-timescale';
export { alertDueAt } from './allocated-worker-alert';
export { isRecentlyClosed } from './recently-closed-rule';
export { agenciesToCheck } from './agencies-to-check';
export { redIndicators } from './urgent-indicators';
export { SUBJECTS_AN_AGENCY_NEEDS, subjectIdsFor } from './agency-subjects';
export type { SubjectsAnAgencyNeeds } from './agency-subjects';
export { DEFAULT_PROFILE, IsPolicyProfile, MashProfileVariable } from './profile-config';
