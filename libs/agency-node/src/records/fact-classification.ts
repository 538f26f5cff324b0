import type { ItemClassification } from '@mash/contracts';
import type { AgencyRecordKinds } from '../agency-node.definition';

/**
 * The classification an item leaves the node with. An agency's own line can make any fact
 * `mash-only`, but it cannot make a kind that is soft intelligence `shareable` (police intelligence is
 * always mash-only). Applied when records are imported and again when a response is built, so a
 * record stored before a kind became sensitive cannot slip out.
 */
export function effectiveClassification(
  fact: { kind: string; classification: ItemClassification },
  kinds: AgencyRecordKinds,
): ItemClassification {
  return kinds.alwaysMashOnly?.includes(fact.kind) ? 'mash-only' : fact.classification;
}

export function kindLabel(kind: string, kinds: AgencyRecordKinds): string {
  return kinds.labels?.[kind] ?? kind;
}
