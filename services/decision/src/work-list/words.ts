import type { Agency, Outcome, RagRating } from '@mash/contracts';
import type { CheckStatus, RecordStatus } from '../records/record-status';

/** The words the staff pages use for the hub's codes. */
export const STATUS_NAMES: Record<RecordStatus, string> = {
  received: 'Received',
  screening: 'Screening',
  'awaiting-consent-decision': 'Awaiting consent decision',
  'awaiting-checks': 'Awaiting checks',
  'ready-for-decision': 'Ready for decision',
  decided: 'Decided',
  closed: 'Closed',
};

export const RAG_NAMES: Record<RagRating, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** GOV.UK tag colours for each rating. */
export const RAG_TAGS: Record<RagRating, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
};

export const AGENCY_NAMES: Record<Agency, string> = {
  police: 'Police',
  health: 'Health',
  education: 'Education',
};

export const CHECK_STATUS_NAMES: Record<CheckStatus, string> = {
  'awaiting-consent': 'Awaiting consent',
  requested: 'Requested',
  overdue: 'Overdue',
  responded: 'Answered',
  'not-required': 'Not required',
  cancelled: 'Withdrawn',
};

export const OUTCOME_NAMES: Record<Outcome, string> = {
  'no-further-action': 'No further action',
  signpost: 'Signpost to other services',
  'early-help': 'Early help',
  's17-assessment': 'Section 17 assessment (child in need)',
  's47-strategy-discussion': 'Section 47 strategy discussion',
  'transfer-to-allocated-worker': 'Transfer to the allocated worker',
  'transfer-to-previous-team': 'Transfer to the previous team',
  lado: 'Refer to the LADO (allegation against a professional)',
};
