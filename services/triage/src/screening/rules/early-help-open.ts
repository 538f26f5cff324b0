import type { SocialCareIndexResult } from '@mash/contracts';

export interface LeadProfessional {
  /** The worker, or their team when the index names no worker. */
  to: string | null;
}

/**
 * A child with an open early help assessment: the lead professional is alerted to the new concern, and
 * the contact carries on through screening, since a new concern may have crossed the statutory threshold
 * (Northamptonshire 4: "if ... there is an existing, open, early help assessment, and the new concern
 * hasn't met statutory thresholds, the lead professional is alerted").
 */
export function leadProfessionalOf(result: SocialCareIndexResult | undefined): LeadProfessional | null {
  if (!result?.known || result.status !== 'early-help-open') return null;
  return { to: result.allocatedWorker?.trim() || result.team?.trim() || null };
}
