import { createHash } from 'node:crypto';
import type { ChildDetails, SocialCareIndexResult } from '@mash/contracts';
import type { ChildKeyKind } from './record-child-key.entity';

export interface ChildKey {
  childIndex: number;
  keyKind: ChildKeyKind;
  key: string;
}

/**
 * A name as it is compared: letters only, lower case, accents removed ("Zoë O'Brien-Smith" and
 * "zoe obriensmith" are the same name). Spacing, punctuation and hyphens are left out because they
 * are what referrers write differently.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}

/**
 * The keys by which this contact's children can be recognised in another contact (Croydon 8: a
 * contact about a child known to the council is loaded onto the child's file; Northamptonshire 12:
 * repeat referrals). A child born is recognised by normalised given and family name with the date
 * of birth (also under each other name given); any child, unborn too, by the social care index record
 * when screening found one. The name key is a digest, so the key column holds no name in clear.
 */
export function childKeys(
  children: readonly ChildDetails[],
  socialCareIndex: readonly SocialCareIndexResult[],
): ChildKey[] {
  const keys = new Map<string, ChildKey>();
  const add = (key: ChildKey) => keys.set(`${key.childIndex}|${key.keyKind}|${key.key}`, key);
  children.forEach((child, childIndex) => {
    const family = normaliseName(child.familyName);
    if (child.dateOfBirth && family) {
      for (const given of [child.givenName, ...(child.otherNames ?? [])].map(normaliseName)) {
        if (given) {
          add({
            childIndex,
            keyKind: 'name-and-date-of-birth',
            key: digest(given, family, child.dateOfBirth),
          });
        }
      }
    }
  });
  for (const result of socialCareIndex) {
    if (result.known && result.recordId && result.childIndex < children.length) {
      add({ childIndex: result.childIndex, keyKind: 'social-care-record', key: result.recordId });
    }
  }
  return [...keys.values()];
}

/**
 * Croydon 13 counts the re-referral rate: a contact is a re-referral when an earlier contact about
 * one of its children was received within the window before it (0 days: any earlier contact).
 */
export function isReReferral(
  receivedAt: Date,
  earlierReceivedAt: readonly Date[],
  windowDays: number,
): boolean {
  return earlierReceivedAt.some((earlier) => {
    const gap = receivedAt.getTime() - earlier.getTime();
    return gap >= 0 && (windowDays === 0 || gap <= windowDays * 86_400_000);
  });
}
