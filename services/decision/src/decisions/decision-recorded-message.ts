import type { DecisionRecorded, FamilyRecipient, Outcome, ReceivingTeam } from '@mash/contracts';
import type { MashRecord } from '../records/mash-record.entity';

export interface TakenDecision {
  outcome: Outcome;
  decidedAt: Date;
  decidedBy: string;
  feedbackToReferrer: string | null;
  /** Why the family is not told (Bexley 22); then no letter or call to them. */
  familyNotToldReason?: string | null;
  /** A consultation's advice, summarised to the person who asked (Bexley 5 and 6). */
  adviceGiven?: string | null;
  /** Who the contact went to, or who leads the early help. */
  receivingTeam?: ReceivingTeam | null;
  /** The rationale, only where the profile sends it to the referrer (Croydon 8: NFA); else null. */
  rationaleForReferrer?: string | null;
}

/** Age in whole years on a day, from a YYYY-MM-DD date of birth. */
export function ageOn(dateOfBirth: string, on: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const today = on.toISOString().slice(0, 10).split('-').map(Number);
  let age = today[0] - year;
  if (today[1] < month || (today[1] === month && today[2] < day)) age -= 1;
  return age;
}

/**
 * The family notifications may tell: each adult with parental responsibility, and each child of 16 or 17
 * (the profile says whether they are told). Names, relationship, address and phone only.
 */
export function familyOf(record: MashRecord, on: Date): FamilyRecipient[] {
  const { adults = [], children } = record.contact;
  const home = children.find((child) => child.address)?.address ?? null;
  const parents: FamilyRecipient[] = adults
    .filter((adult) => adult.parentalResponsibility === true)
    .map((adult) => ({
      name: `${adult.givenName} ${adult.familyName}`,
      role: 'parent',
      relationship: adult.relationship ?? null,
      address: adult.address ?? home,
      phone: adult.phone ?? null,
    }));
  const youngPeople: FamilyRecipient[] = children
    .filter((child) => child.dateOfBirth && [16, 17].includes(ageOn(child.dateOfBirth, on)))
    .map((child) => ({
      name: `${child.givenName} ${child.familyName}`,
      role: 'young-person',
      relationship: 'young person',
      address: child.address ?? home,
      phone: null,
    }));
  return [...parents, ...youngPeople];
}

/**
 * `decision.recorded` carries only what may leave the hub: the outcome, the feedback written for the
 * referrer, who to tell and how to reach them. Built field by field, so the rationale (internal to the
 * MASH unless the profile sends it, checked for mash-only items first) and the agencies' items can never
 * ride along with a copied object.
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
      phone: referrer.phone ?? null,
    },
    children: children.map((child) => ({ givenName: child.givenName, familyName: child.familyName })),
    requestType: record.contact.requestType,
    source: record.contact.source,
    family: familyOf(record, decision.decidedAt),
    familyNotToldReason: decision.familyNotToldReason ?? null,
    rationaleForReferrer: decision.rationaleForReferrer ?? null,
    adviceGiven: decision.adviceGiven ?? null,
    receivingTeam: decision.receivingTeam
      ? {
          name: decision.receivingTeam.name,
          phone: decision.receivingTeam.phone ?? null,
          email: decision.receivingTeam.email ?? null,
        }
      : null,
  };
}
