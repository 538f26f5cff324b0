import type { ItemClassification } from '@mash/contracts';
import type { AgencyRecordKinds, FactDetails } from '../agency-node.definition';

/**
 * The classification a fact leaves the node with. An agency's own line can make any fact
 * `mash-only`, but it cannot make soft intelligence, or a fact its details mark as sensitive,
 * `shareable`. Applied when records are imported and again whenever a response is built or checked,
 * so a record stored before a kind became sensitive cannot slip out.
 */
export function effectiveClassification(
  fact: { kind: string; classification: ItemClassification; details?: FactDetails | null },
  kinds: AgencyRecordKinds,
): ItemClassification {
  const kind = kinds.kinds[fact.kind];
  if (kind?.alwaysMashOnly) return 'mash-only';
  if (kind?.mashOnlyWhen?.(fact.details ?? {})) return 'mash-only';
  return fact.classification;
}

export function kindLabel(kind: string, kinds: AgencyRecordKinds): string {
  return kinds.kinds[kind]?.label ?? kind;
}

/** The kinds' codes, for messages ("must be one of: incident, crime, intelligence"). */
export function kindCodes(kinds: AgencyRecordKinds): string[] {
  return Object.keys(kinds.kinds);
}

/**
 * The detail fields an analysis may read: only those the kind declares analysable, and only when they
 * hold a code, a number, a boolean or a date. Everything else (names of schools, hospitals) stays out.
 */
export function analysableDetails(
  kind: string,
  details: FactDetails | null | undefined,
  kinds: AgencyRecordKinds,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const field of kinds.kinds[kind]?.analysable ?? []) {
    const value = details?.[field];
    if (typeof value === 'number' || typeof value === 'boolean') out[field] = value;
    else if (typeof value === 'string' && /^[a-z0-9][a-z0-9-]*$|^\d{4}-\d{2}-\d{2}$/.test(value))
      out[field] = value;
  }
  return out;
}

/** "(victim; domestic abuse)": the person's part and the kind's heading, when there are any. */
export function factHeading(
  fact: { kind: string; role: string | null; details?: FactDetails | null },
  kinds: AgencyRecordKinds,
): string {
  const parts = [fact.role?.replace(/-/g, ' '), kinds.kinds[fact.kind]?.heading?.(fact.details ?? {})].filter(
    (part): part is string => !!part,
  );
  return parts.length ? ` (${parts.join('; ')})` : '';
}
