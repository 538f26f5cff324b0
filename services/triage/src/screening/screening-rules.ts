import { AGENCIES, Agency, Concern, RagRating, ScreeningRoute, SocialCareIndexResult } from '@mash/contracts';

export interface ScreeningOutcome {
  route: ScreeningRoute;
  rag: RagRating;
  /** A fixed sentence naming the rule that fired: it leaves the service, so it holds no personal data. */
  rationale: string;
  /** The agencies asked to search their records; none when the contact goes elsewhere. */
  agencies: Agency[];
}

export interface ScreenedContact {
  concern: Pick<Concern, 'immediateDanger' | 'allegationAgainstProfessional'>;
  children: readonly unknown[];
}

export const RATIONALES = {
  lado: 'Allegation against a professional: routed to the LADO; no MASH checks requested.',
  allocatedWorker:
    'Every child is open to children’s social care with an allocated worker: transferred to that worker; no MASH checks requested.',
  allocatedWorkerInDanger:
    'Every child is open to children’s social care with an allocated worker, and immediate danger was reported: transferred to that worker as red; no MASH checks requested.',
  immediateDanger:
    'Immediate danger was reported: rated red; checks requested from police, health and education.',
  checks:
    'No immediate danger reported and no allocated worker: rated amber; checks requested from police, health and education.',
} as const;

/**
 * The initial screening, simple rules for now, taken in this order:
 * 1. an allegation against a professional goes to the LADO, without MASH checks;
 * 2. when every child is open to social care with an allocated worker, the contact goes to that
 *    worker without checks (green, or red if immediate danger was reported);
 * 3. immediate danger: MASH checks with every agency, red;
 * 4. otherwise MASH checks with every agency, amber.
 * `indexResults` holds one result per child (unborn children are never known).
 */
export function screenContact(
  contact: ScreenedContact,
  indexResults: readonly SocialCareIndexResult[],
): ScreeningOutcome {
  const immediateDanger = contact.concern.immediateDanger === true;

  if (contact.concern.allegationAgainstProfessional === true) {
    return {
      route: 'lado',
      rag: immediateDanger ? 'red' : 'amber',
      rationale: RATIONALES.lado,
      agencies: [],
    };
  }
  if (everyChildHasAnAllocatedWorker(contact.children.length, indexResults)) {
    return {
      route: 'transfer-to-allocated-worker',
      rag: immediateDanger ? 'red' : 'green',
      rationale: immediateDanger ? RATIONALES.allocatedWorkerInDanger : RATIONALES.allocatedWorker,
      agencies: [],
    };
  }
  if (immediateDanger) {
    return {
      route: 'mash-checks',
      rag: 'red',
      rationale: RATIONALES.immediateDanger,
      agencies: [...AGENCIES],
    };
  }
  return { route: 'mash-checks', rag: 'amber', rationale: RATIONALES.checks, agencies: [...AGENCIES] };
}

function everyChildHasAnAllocatedWorker(
  childCount: number,
  indexResults: readonly SocialCareIndexResult[],
): boolean {
  if (childCount === 0) return false;
  for (let childIndex = 0; childIndex < childCount; childIndex++) {
    const result = indexResults.find((candidate) => candidate.childIndex === childIndex);
    if (!result?.known || result.status !== 'open' || !result.allocatedWorker?.trim()) return false;
  }
  return true;
}
