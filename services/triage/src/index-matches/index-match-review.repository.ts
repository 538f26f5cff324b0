import type { EntityManager } from 'typeorm';
import type { ContactReceived, SocialCareIndexResult } from '@mash/contracts';
import type { ChildLookup } from '../social-care-index/social-care-index.service';
import { IndexMatchReview } from './index-match-review.entity';

/**
 * Holds a contact for a contact officer, in the consumer's transaction: the children settled so far and
 * those with possible matches. The same contact held before (a new message id) is left as it was.
 * Answers whether it was held now.
 */
export async function holdForReview(
  manager: EntityManager,
  contact: ContactReceived,
  lookups: readonly ChildLookup[],
  now: Date,
): Promise<boolean> {
  const settled: SocialCareIndexResult[] = lookups.flatMap((lookup) =>
    lookup.result ? [lookup.result] : [],
  );
  const children = lookups.flatMap((lookup) =>
    lookup.candidates
      ? [
          {
            childIndex: lookup.childIndex,
            candidates: lookup.candidates.map((candidate) => ({
              ...candidate,
              review: null,
              reviewedBy: null,
              reviewedAt: null,
            })),
          },
        ]
      : [],
  );
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(IndexMatchReview)
    .values({
      contactId: contact.contactId,
      reference: contact.reference,
      status: 'awaiting-review',
      receivedAt: new Date(contact.receivedAt),
      createdAt: now,
      contact,
      settled,
      children,
      screenedAt: null,
    })
    .orIgnore()
    .returning(['contactId'])
    .execute();
  return inserted.raw.length > 0;
}
