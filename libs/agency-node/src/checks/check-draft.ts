import { mostUrgentRag, type RagRating } from '@mash/contracts';
import type { StoredCheckItem } from './check-response.entity';
import { draftCheckResponse, type CheckResponseInput } from './check-response';

export interface DraftItem {
  summary: string;
  classification: StoredCheckItem['classification'];
  recordId: string | null;
  subjectId: string | null;
  factId: string | null;
}

export interface PractitionerDraft {
  rag: RagRating;
  analysis: string;
  noTrace: boolean;
  matchedRecordIds: string[];
  items: DraftItem[];
  sharedBefore: { factId: string; checkId: string; reference: string; respondedAt: string }[];
}

export interface DraftInput extends Omit<CheckResponseInput, 'respondedBy'> {
  /** The latest partial answer sent for this check, if any. */
  partial: { rag: RagRating; analysis: string; items: readonly StoredCheckItem[] } | null;
  /** Facts this agency shared about the same people on earlier checks, by fact id. */
  sharedBefore: ReadonlyMap<string, { checkId: string; reference: string; respondedAt: string }>;
}

/**
 * Where a practitioner's answer starts, so that nobody starts again (Northamptonshire 12: "add to it
 * and update with any additional information"):
 * - after a partial answer: that answer (its analysis, its RAG, its items still about confirmed
 *   records), with an item added for each fact of a confirmed record it does not hold yet;
 * - otherwise: one item per fact of each confirmed record, rated by the most serious, and the agency's
 *   drafted analysis.
 * Facts already shared on an earlier check about the same people are pointed out.
 */
export function practitionerDraft(input: DraftInput): PractitionerDraft {
  const base = draftCheckResponse(input);
  const confirmedRecords = [...new Set(base.matches.map((match) => match.recordId))];
  const baseItems: DraftItem[] = base.items.map(
    ({ summary, classification, recordId, subjectId, factId }) => ({
      summary,
      classification,
      recordId,
      subjectId,
      factId,
    }),
  );

  let rag = base.rag;
  let analysis = base.analysis;
  let items = baseItems;
  if (input.partial) {
    const stillConfirmed = input.partial.items.filter((item) =>
      item.recordId == null ? confirmedRecords.length === 1 : confirmedRecords.includes(item.recordId),
    );
    const held = new Set(stillConfirmed.map((item) => item.factId).filter(Boolean));
    items = [
      ...stillConfirmed.map((item) => ({
        summary: item.summary,
        classification: item.classification,
        recordId: item.recordId ?? null,
        subjectId: item.subjectId ?? null,
        factId: item.factId ?? null,
      })),
      ...baseItems.filter((item) => !held.has(item.factId)),
    ];
    analysis = input.partial.analysis;
    rag = mostUrgentRag([input.partial.rag, base.rag]) ?? base.rag;
  }

  return {
    rag,
    analysis,
    noTrace: confirmedRecords.length === 0,
    matchedRecordIds: confirmedRecords,
    items,
    sharedBefore: items.flatMap((item) => {
      const earlier = item.factId ? input.sharedBefore.get(item.factId) : undefined;
      return earlier && item.factId ? [{ factId: item.factId, ...earlier }] : [];
    }),
  };
}
