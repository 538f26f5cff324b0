import type { SocialCareIndexResult } from '@mash/contracts';

/**
 * The allocated worker of a child open to children's social care, or null. A child with an allocated
 * worker goes to that worker, who is alerted (Croydon 8: "alerted within 24 hours"; Northamptonshire 4b:
 * "transferred immediately to the named allocated Social Worker"; Bexley 3: "immediately forwarded to
 * the allocated social worker"). An open case without a named worker is screened as usual.
 */
export function allocatedWorkerOf(result: SocialCareIndexResult | undefined): string | null {
  if (!result?.known || result.status !== 'open') return null;
  const worker = result.allocatedWorker?.trim();
  return worker ? worker : null;
}
