import type { Agency, CheckStatus } from '@mash/contracts';
import { isOutstanding } from '../records/record-status';

/** A check as the agency-change rule sees it. */
export interface PlannedCheck {
  checkId: string;
  agency: Agency;
  status: CheckStatus;
}

export type AgencyChangeRefusal = 'unchanged' | 'withdraws-answered-check';

export type AgencyChange<T extends PlannedCheck> =
  | { ok: true; add: Agency[]; withdraw: T[] }
  | { ok: false; refusal: AgencyChangeRefusal; agencies: Agency[] };

/** A check the record still counts: asked for, answered, or waiting for consent to be asked. */
export function isCurrent(status: CheckStatus): boolean {
  return isOutstanding(status) || status === 'responded' || status === 'awaiting-consent';
}

/**
 * A team manager says which agencies the contact should be checked with (Bexley 15: checks with other
 * agencies "will be proportionate to the presenting issues"; Northamptonshire 16: the manager manages
 * the MASH information sharing). Agencies newly named are added; current checks of agencies no longer
 * named are withdrawn. An answer already given cannot be withdrawn (it is on the record and the
 * decision maker has it), and a change that changes nothing is refused rather than recorded.
 */
export function agencyChange<T extends PlannedCheck>(
  checks: readonly T[],
  wanted: readonly Agency[],
): AgencyChange<T> {
  const current = checks.filter((check) => isCurrent(check.status));
  const currentAgencies = new Set(current.map((check) => check.agency));
  const add = [...new Set(wanted)].filter((agency) => !currentAgencies.has(agency));
  const withdraw = current.filter((check) => !wanted.includes(check.agency));
  const answered = withdraw.filter((check) => check.status === 'responded');
  if (answered.length) {
    return {
      ok: false,
      refusal: 'withdraws-answered-check',
      agencies: answered.map((check) => check.agency),
    };
  }
  if (!add.length && !withdraw.length) return { ok: false, refusal: 'unchanged', agencies: [] };
  return { ok: true, add, withdraw };
}
