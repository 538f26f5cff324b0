import type { DecisionRecorded, Outcome } from '@mash/contracts';
import type { MashRecord } from '../records/mash-record.entity';

export interface TakenDecision {
  outcome: Outcome;
  decidedAt: Date;
  decidedBy: string;
  feedbackToReferrer: string | null;
}

/**
 * `decision.recorded` carries only what may leave the hub: the outcome, the feedback written for the
 * referrer, and who to tell. Built field by field, so the rationale (internal to the MASH) and the
 * agencies' items can never ride along with a copied object.
 */
export function decisionRecordedMessage(record: MashRecord, decision: TakenDecision): DecisionRecorded {
  const { referrer, children } = record.contact;
  return {
    contactId: record.contactId,
    reference: record.reference,
    outcome: decision.outcome,
    decidedAt: decision.decidedAt.toISOString(),
    decidedBy: decision.decidedBy,
    contactReceivedAt: record.receivedAt.toISOString(),
    feedbackToReferrer: decision.feedbackToReferrer,
    referrer: {
      name: referrer.name,
      organisation: referrer.organisation ?? null,
      email: referrer.email ?? null,
    },
    children: children.map((child) => ({ givenName: child.givenName, familyName: child.familyName })),
  };
}
