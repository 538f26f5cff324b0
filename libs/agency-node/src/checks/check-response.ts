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
import type { AgencyAnalysis, AgencyRecordKinds, AnalysedFact } from '../agency-node.definition';
import { effectiveClassification, kindLabel } from '../records/fact-classification';
import { exactMatchKey } from './exact-match';

export interface RecordFact {
  factId: string;
  date: string;
  kind: string;
  summary: string;
  classification: ItemClassification;
  severity: RagRating;
  role: string | null;
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
  /** `automatic`, or later the practitioner's id. */
  respondedBy: string;
}

/**
 * The agency's answer to a check. Only facts of records matched to a subject the request asked about
 * are shared: nothing about any other record, even one the node looked at. Each fact becomes one item,
 * keeping the agency's classification (soft intelligence forced mash-only); the RAG is the most serious
 * severity among the shared facts, or green when the agency holds nothing.
 */
export function buildCheckResponse(input: CheckResponseInput): CheckResponded {
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

  const items: CheckItem[] = [];
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
      });
    }
  }

  const wireMatches: CheckMatch[] = matches.map((match) => ({
    subjectId: match.subjectId,
    recordId: match.record.recordId,
    confidence: match.confidence,
  }));

  return {
    checkId: check.checkId,
    contactId: check.contactId,
    agency: check.agency,
    respondedAt: input.respondedAt.toISOString(),
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
    respondedBy: input.respondedBy,
  };
}

/** "2026-05-01 Crime (victim): ..." so the decision maker sees when and what without opening the record. */
function itemSummary(fact: RecordFact, kinds: AgencyRecordKinds): string {
  return `${fact.date} ${kindLabel(fact.kind, kinds)}${fact.role ? ` (${fact.role})` : ''}: ${fact.summary}`;
}
