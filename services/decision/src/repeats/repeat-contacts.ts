import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { metricsRegistry } from '@mash/platform';
import { DECISION_SETTINGS, DecisionSettings } from '../policy/decision-settings';
import { ChildKey, isReReferral } from './child-keys';
import { RecordChildKey, type ChildKeyKind } from './record-child-key.entity';

const reReferrals = new Counter({
  name: 'mash_rereferrals_total',
  help: 'Contacts about a child the hub saw in a contact received within the re-referral window',
  registers: [metricsRegistry],
});
const linkedContacts = new Counter({
  name: 'mash_repeat_contacts_linked_total',
  help: 'Links made between a contact and an earlier contact about the same child',
  labelNames: ['matched_by'],
  registers: [metricsRegistry],
});

interface MatchRow {
  contact_id: string;
  received_at: Date;
  created_at: Date;
  child_index: number;
  key_kind: ChildKeyKind;
  own_child_index: number;
}

interface Link {
  contactId: string;
  earlierContactId: string;
  childIndexes: Set<number>;
  matchedBy: Set<ChildKeyKind>;
}

/**
 * Links a contact to every other contact about one of its children, the later one pointing to the
 * earlier, whichever arrives first (an older contact screened late is linked as the earlier one).
 * Only ids and digests are read and written; nothing about the children is logged.
 */
@Injectable()
export class RepeatContacts {
  constructor(@Inject(DECISION_SETTINGS) private readonly settings: DecisionSettings) {}

  async link(
    manager: EntityManager,
    record: { contactId: string; receivedAt: Date; createdAt: Date },
    keys: readonly ChildKey[],
  ): Promise<void> {
    if (!keys.length) return;
    await manager.insert(
      RecordChildKey,
      keys.map((key) => ({ contactId: record.contactId, ...key })),
    );
    const matches: MatchRow[] = await manager.query(
      `SELECT other.contact_id, r.received_at, r.created_at, other.child_index, other.key_kind,
              own.child_index AS own_child_index
         FROM record_children own
         JOIN record_children other
           ON other.key_kind = own.key_kind AND other.key = own.key AND other.contact_id <> own.contact_id
         JOIN mash_records r ON r.contact_id = other.contact_id
        WHERE own.contact_id = $1`,
      [record.contactId],
    );
    const links = new Map<string, Link>();
    for (const match of matches) {
      // The later contact is the repeat: by when each was received, then by when each reached us.
      const otherIsEarlier =
        match.received_at.getTime() < record.receivedAt.getTime() ||
        (match.received_at.getTime() === record.receivedAt.getTime() &&
          match.created_at.getTime() <= record.createdAt.getTime());
      const [later, earlier] = otherIsEarlier
        ? [record.contactId, match.contact_id]
        : [match.contact_id, record.contactId];
      const id = `${later}|${earlier}`;
      const link = links.get(id) ?? {
        contactId: later,
        earlierContactId: earlier,
        childIndexes: new Set<number>(),
        matchedBy: new Set<ChildKeyKind>(),
      };
      link.childIndexes.add(otherIsEarlier ? match.own_child_index : match.child_index);
      link.matchedBy.add(match.key_kind);
      links.set(id, link);
    }
    const laterContactIds = [...new Set([...links.values()].map((link) => link.contactId))];
    const before = await this.reReferrals(manager, laterContactIds);
    for (const link of links.values()) {
      const inserted = await manager.query(
        `INSERT INTO record_links (contact_id, earlier_contact_id, child_indexes, matched_by, linked_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING contact_id`,
        [
          link.contactId,
          link.earlierContactId,
          [...link.childIndexes].sort((a, b) => a - b),
          [...link.matchedBy].sort(),
          record.createdAt,
        ],
      );
      if (inserted.length) for (const kind of link.matchedBy) linkedContacts.inc({ matched_by: kind });
    }
    const after = await this.reReferrals(manager, laterContactIds);
    for (const contactId of laterContactIds) {
      if (after.get(contactId) && !before.get(contactId)) reReferrals.inc();
    }
  }

  /** Whether each contact counts as a re-referral with the links it has now. */
  private async reReferrals(manager: EntityManager, contactIds: string[]): Promise<Map<string, boolean>> {
    const states = new Map<string, boolean>();
    if (!contactIds.length) return states;
    const rows: { contact_id: string; received_at: Date; earlier: Date[] }[] = await manager.query(
      `SELECT r.contact_id, r.received_at, array_agg(e.received_at) AS earlier
         FROM mash_records r
         JOIN record_links l ON l.contact_id = r.contact_id
         JOIN mash_records e ON e.contact_id = l.earlier_contact_id
        WHERE r.contact_id = ANY($1::uuid[])
        GROUP BY r.contact_id, r.received_at`,
      [contactIds],
    );
    for (const row of rows) {
      const earlier = row.earlier.map((at) => new Date(at));
      states.set(row.contact_id, isReReferral(row.received_at, earlier, this.settings.reReferralWindowDays));
    }
    return states;
  }
}
