import type { CheckSummaryResponse } from './dto/check.response';

/**
 * What a hub operator sees of an agency's work list: ids, status, times and counts, to watch the
 * agency's backlog and timeliness, and nothing about the child, the concern or the agency's records
 * (a hub operator is not an agency; only its own practitioners open a check).
 */
export function checkSummaryForHubOperator(summary: CheckSummaryResponse): CheckSummaryResponse {
  return { ...summary, concernCategories: [] };
}
