import {
  Agency,
  CheckItem,
  CheckMatch,
  CheckResponded,
  ConcernCategory,
  ItemClassification,
  MatchConfidence,
  mostUrgentRag,
  RagRating,
  SubjectRole,
} from '@mash/contracts';
import type { AgencyAnalysis, AgencyRecordKinds, AnalysedFact, FactDetails } from '../agency-node.definition';
import {
  analysableDetails,
  effectiveClassification,
  factHeading,
  kindLabel,
} from '../records/fact-classification';
import { exactMatchKey } from './exact-match';

export interface RecordFact {
  factId: string;
  date: string;
  kind: string;
  summary: string;
  classification: ItemClassification;
  severity: RagRating;
  role: string | null;
  /** The kind's own fields. */
  details?: FactDetails | null;
}

/** A record the node (or later a practitioner) has confirmed belongs to a subject of the request. */
export interface ConfirmedMatch {
  subjectId: string;
  confidence: MatchConfidence;
  record: { recordId: string; facts: readonly RecordFact[] };
}

export interface CheckResponseInput {
  check: {
    checkId: string;
    contactId: string;
    agency: Agency;
    subjects: readonly {
      subjectId: string;
      role: SubjectRole;
      givenName: string;
      familyName: string;
      dateOfBirth?: string | null;
    }[];
    concernCategories: readonly ConcernCategory[];
  };
  matches: readonly ConfirmedMatch[];
  recordKinds: AgencyRecordKinds;
  analyse: AgencyAnalysis;
  respondedAt: Date;
  /** `automatic`, or the practitioner's id. */
  respondedBy: string;
}

/** An item of a draft answer: the fact it was written from travels with it, but never on the wire. */
export interface DraftCheckItem extends CheckItem {
  recordId: string;
  subjectId: string;
  factId: string;
}

/** What the node would answer from the matches given: the starting point a practitioner edits. */
export interface CheckResponseDraft {
  rag: RagRating;
  analysis: string;
  noTrace: boolean;
  matches: CheckMatch[];
  items: DraftCheckItem[];
}

/**
 * The agency's answer to a check. Only facts of records matched to a subject the request asked about
 * are shared: nothing about any other record, even one the node looked at. Each fact becomes one item,
 * keeping the agency's classification (soft intelligence forced mash-only); the RAG is the most serious
 * severity among the shared facts, or green when the agency holds nothing.
 */
export function buildCheckResponse(input: CheckResponseInput): CheckResponded {
  const draft = draftCheckResponse(input);
  return {
    checkId: input.check.checkId,
    contactId: input.check.contactId,
    agency: input.check.agency,
    respondedAt: input.respondedAt.toISOString(),
    rag: draft.rag,
    analysis: draft.analysis,
    noTrace: draft.noTrace,
    matches: draft.matches,
    items: draft.items.map(({ summary, classification, recordId, subjectId }) => ({
      summary,
      classification,
      recordId,
      subjectId,
    })),
    respondedBy: input.respondedBy,
  };
}

/** The draft behind buildCheckResponse, each item still knowing its fact. */
export function draftCheckResponse(input: Omit<CheckResponseInput, 'respondedBy'>): CheckResponseDraft {
  const { check, recordKinds } = input;
  const subjectRoles = new Map(check.subjects.map((subject) => [subject.subjectId, subject.role]));
  const subjectOrder = new Map(check.subjects.map((subject, index) => [subject.subjectId, index]));

  const seenPairs = new Set<string>();
  const matches = input.matches
    .filter((match) => subjectRoles.has(match.subjectId))
    .filter((match) => {
      const pair = `${match.subjectId}\u0000${match.record.recordId}`;
      if (seenPairs.has(pair)) return false;
      seenPairs.add(pair);
      return true;
    })
    .sort((a, b) => subjectOrder.get(a.subjectId)! - subjectOrder.get(b.subjectId)!);

  const items: DraftCheckItem[] = [];
  const analysed: AnalysedFact[] = [];
  const itemisedFacts = new Set<string>();
  for (const match of matches) {
    const facts = [...match.record.facts].sort(
      (a, b) => b.date.localeCompare(a.date) || a.factId.localeCompare(b.factId),
    );
    for (const fact of facts) {
      // A record matched to two subjects (a duplicate entry in the request) shares each fact once.
      if (itemisedFacts.has(fact.factId)) continue;
      itemisedFacts.add(fact.factId);
      const classification = effectiveClassification(fact, recordKinds);
      items.push({
        summary: itemSummary(fact, recordKinds),
        classification,
        recordId: match.record.recordId,
        subjectId: match.subjectId,
        factId: fact.factId,
      });
      analysed.push({
        subjectId: match.subjectId,
        subjectRole: subjectRoles.get(match.subjectId)!,
        recordId: match.record.recordId,
        kind: fact.kind,
        date: fact.date,
        severity: fact.severity,
        classification,
        role: fact.role,
        details: analysableDetails(fact.kind, fact.details, recordKinds),
      });
    }
  }

  const wireMatches: CheckMatch[] = matches.map((match) => ({
    subjectId: match.subjectId,
    recordId: match.record.recordId,
    confidence: match.confidence,
  }));

  return {
    rag: mostUrgentRag(analysed.map((fact) => fact.severity)) ?? 'green',
    analysis: input.analyse({
      facts: analysed,
      subjectsAsked: check.subjects.length,
      subjectsMatched: new Set(matches.map((match) => match.subjectId)).size,
      subjectsNotSearched: check.subjects.filter((subject) => !exactMatchKey(subject)).length,
      concernCategories: check.concernCategories,
      today: input.respondedAt,
    }),
    noTrace: matches.length === 0,
    matches: wireMatches,
    items,
  };
}

/**
 * "2026-05-01 Crime (victim; violence against the person): ..." so the decision maker sees when and
 * what without opening the record.
 */
export function itemSummary(fact: RecordFact, kinds: AgencyRecordKinds): string {
  return `${fact.date} ${kindLabel(fact.kind, kinds)}${factHeading(fact, kinds)}: ${fact.summary}`;
}
