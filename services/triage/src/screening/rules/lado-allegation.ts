import type { Concern } from '@mash/contracts';

/**
 * An allegation against someone who works with children (paid or voluntary) goes to the LADO as well as
 * through the usual screening: "the above criteria apply, and the contact must also be forwarded to the
 * LADO" (Croydon 8; Croydon 10). Where a child is at risk of immediate harm, the red criteria act first;
 * the LADO is still told.
 */
export function needsLado(concern: Pick<Concern, 'allegationAgainstProfessional'>): boolean {
  return concern.allegationAgainstProfessional === true;
}
